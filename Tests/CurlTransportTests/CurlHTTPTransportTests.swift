import CurlTransport
import Testing
import WithingsAPI

@Suite struct CurlHTTPTransportTests {
    let transport = CurlHTTPTransport(version: "1.2.3")

    @Test func getSendsHeadersAndUserAgent() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let request = TransportRequest(
            method: "GET", url: server.baseURL + "/echo?x=1", headers: [TransportHeader("X-Custom", "abc")])
        let response = try await transport.send(request)
        let echoed = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 200)
        #expect(response.header("x-echo-method") == "GET")
        #expect(echoed.hasPrefix("GET /echo?x=1 HTTP/1.1\r\n"))
        #expect(echoed.contains("\r\nX-Custom: abc\r\n"))
        #expect(echoed.contains("\r\nUser-Agent: withings2mqtt/1.2.3\r\n"))
    }

    @Test func postSendsBodyWithoutExpectContinue() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let form = "grant_type=authorization_code&code=" + String(repeating: "c", count: 3000)
        let request = TransportRequest(
            method: "POST", url: server.baseURL + "/echo",
            headers: [TransportHeader("Content-Type", "application/x-www-form-urlencoded")],
            body: Array(form.utf8))
        let response = try await transport.send(request)
        let echoed = String(decoding: response.body, as: UTF8.self)
        #expect(response.header("X-Echo-Method") == "POST")
        #expect(response.header("X-Echo-Body-Length") == "\(form.utf8.count)")
        #expect(echoed.hasSuffix("\r\n\r\n" + form))
        #expect(echoed.contains("Content-Type: application/x-www-form-urlencoded\r\n"))
        #expect(!echoed.lowercased().contains("expect:"))
    }

    @Test func postWithoutBodySendsZeroLength() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let response = try await transport.send(TransportRequest(method: "POST", url: server.baseURL + "/echo"))
        let echoed = String(decoding: response.body, as: UTF8.self)
        #expect(response.header("X-Echo-Method") == "POST")
        #expect(echoed.contains("Content-Length: 0\r\n"))
    }

    @Test(arguments: ["PUT", "PATCH", "DELETE"])
    func otherMethodsCarryTheirBody(method: String) async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let body: [UInt8] = [0, 1, 2, 255, 13, 10]
        let response = try await transport.send(
            TransportRequest(method: method, url: server.baseURL + "/echo", body: body))
        #expect(response.header("X-Echo-Method") == method)
        #expect(Array(response.body.suffix(body.count)) == body)
    }

    @Test func deleteWithoutBody() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let response = try await transport.send(TransportRequest(method: "DELETE", url: server.baseURL + "/echo"))
        #expect(response.header("X-Echo-Method") == "DELETE")
        #expect(response.header("X-Echo-Body-Length") == "0")
    }

    @Test func headReturnsHeadersWithoutBody() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let response = try await transport.send(TransportRequest(method: "HEAD", url: server.baseURL + "/echo"))
        #expect(response.status == 200)
        #expect(response.header("X-Echo-Method") == "HEAD")
        #expect(Int(response.header("Content-Length") ?? "") ?? 0 > 0)
        #expect(response.body.isEmpty)
    }

    @Test func redirectIsReturnedNotFollowed() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let response = try await transport.send(TransportRequest(method: "GET", url: server.baseURL + "/redirect"))
        #expect(response.status == 302)
        #expect(response.header("Location") == "/landing?code=abc&state=xyz")
        #expect(response.body == Array("moved".utf8))
    }

    @Test func redirectIsFollowedWhenAskedTo() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let following = CurlHTTPTransport(version: "1.2.3", followRedirects: true)
        let response = try await following.send(TransportRequest(method: "GET", url: server.baseURL + "/redirect"))
        // The landing route does not exist: only the final response's status, headers and body are kept.
        #expect(response.status == 404)
        #expect(response.header("Location") == nil)
        #expect(response.body == Array("no route".utf8))
    }

    @Test func responseHeadersKeepOrderAndRepeats() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let response = try await transport.send(TransportRequest(method: "GET", url: server.baseURL + "/headers"))
        #expect(response.status == 204)
        let names = response.headers.map(\.name)
        #expect(names == ["Connection", "Content-Length", "X-One", "X-Two", "Set-Cookie", "Set-Cookie"])
        #expect(response.header("x-two") == "two words")
        #expect(response.headers.filter { $0.name == "Set-Cookie" }.map(\.value) == ["a=1", "b=2"])
    }

    @Test func unknownRouteIsAnHTTPStatusNotAnError() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let response = try await transport.send(TransportRequest(method: "GET", url: server.baseURL + "/nowhere"))
        #expect(response.status == 404)
        #expect(response.body == Array("no route".utf8))
    }

    @Test func headerWithLineBreakIsRejected() async throws {
        let request = TransportRequest(
            method: "GET", url: "http://127.0.0.1:9/echo", headers: [TransportHeader("X-Bad", "a\r\nInjected: 1")])
        let error = try await #require(throws: TransportError.self) { try await transport.send(request) }
        #expect(error.kind == .other)
        #expect(error.message.contains("invalid header"))
    }

    @Test func unsupportedSchemeIsRejected() async throws {
        let request = TransportRequest(method: "GET", url: "file:///etc/passwd")
        let error = try await #require(throws: TransportError.self) { try await transport.send(request) }
        #expect(error.kind == .other)
        print("unsupported scheme message: \(error.message)")
    }
}
