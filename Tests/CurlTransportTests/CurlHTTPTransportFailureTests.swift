import CurlTransport
import Glibc
import Testing
import WithingsAPI

@Suite struct CurlHTTPTransportFailureTests {
    @Test func refusedConnectionIsConnectError() async throws {
        // A bound TCP socket that never listens refuses connections on Linux, and keeps the port ours.
        let fd = try bindLoopback(type: SOCK_STREAM)
        defer { close(fd) }
        let port = try boundPort(fd)
        let transport = CurlHTTPTransport(version: "test")
        let request = TransportRequest(method: "GET", url: "http://user:pw@127.0.0.1:\(port)/oauth2?code=SECRET#frag")
        let error = try await #require(throws: TransportError.self) { try await transport.send(request) }
        #expect(error.kind == .connect)
        #expect(error.message.contains("GET http://127.0.0.1:\(port)/oauth2"))
        #expect(!error.message.contains("SECRET"))
        #expect(!error.message.contains("pw"))
        print("refused: \(error.message)")
    }

    @Test func silentServerTimesOut() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let transport = CurlHTTPTransport(
            version: "test", connectTimeout: .seconds(5), totalTimeout: .milliseconds(300))
        let request = TransportRequest(method: "GET", url: server.baseURL + "/silent?access_token=SECRET")
        let error = try await #require(throws: TransportError.self) { try await transport.send(request) }
        #expect(error.kind == .timeout)
        #expect(!error.message.contains("SECRET"))
        print("timeout: \(error.message)")
    }

    @Test(arguments: ["bytes", "stream"])
    func largeBodyArrivesIntact(route: String) async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let size = 20 << 20
        let transport = CurlHTTPTransport(version: "test")
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await transport.send(
            TransportRequest(method: "GET", url: server.baseURL + "/\(route)/\(size)"))
        let elapsed = clock.now - start
        #expect(response.body == patternBytes(count: size))
        print("\(size >> 20) MiB via /\(route) received in \(elapsed)")
    }

    @Test(arguments: ["bytes", "stream"])
    func bodyOverLimitFails(route: String) async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let transport = CurlHTTPTransport(version: "test", maxResponseBytes: 1 << 20)
        let request = TransportRequest(method: "GET", url: server.baseURL + "/\(route)/\(2 << 20)")
        let error = try await #require(throws: TransportError.self) { try await transport.send(request) }
        #expect(error.kind == .other)
        #expect(error.message.contains("larger than the 1048576-byte limit"))
    }

    @Test func bodyExactlyAtLimitIsAccepted() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let transport = CurlHTTPTransport(version: "test", maxResponseBytes: 1 << 20)
        let response = try await transport.send(
            TransportRequest(method: "GET", url: server.baseURL + "/stream/\(1 << 20)"))
        #expect(response.body.count == 1 << 20)
    }

    @Test func hundredConcurrentRequestsAllComplete() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let transport = CurlHTTPTransport(version: "test")
        let clock = ContinuousClock()
        let start = clock.now
        let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<100 {
                group.addTask {
                    let request = TransportRequest(
                        method: "POST", url: server.baseURL + "/echo", body: Array("request-\(index)".utf8))
                    let response = try await transport.send(request)
                    return (index, String(decoding: response.body, as: UTF8.self))
                }
            }
            var collected: [Int: String] = [:]
            for try await (index, body) in group { collected[index] = body }
            return collected
        }
        let elapsed = clock.now - start
        #expect(bodies.count == 100)
        for index in 0..<100 {
            #expect(bodies[index]?.hasSuffix("\r\n\r\nrequest-\(index)") == true)
        }
        print("100 concurrent requests over loopback completed in \(elapsed)")
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellationAbortsTheTransfer() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        // A total timeout far beyond the time limit: only cancellation can end this transfer in time.
        let transport = CurlHTTPTransport(version: "test", totalTimeout: .seconds(600))
        var events = server.events.makeAsyncIterator()
        let clock = ContinuousClock()
        let task = Task { try await transport.send(TransportRequest(method: "GET", url: server.baseURL + "/silent")) }
        #expect(await events.next() == .silentRequestArrived)
        let cancelled = clock.now
        task.cancel()
        let result = await task.result
        let resumed = clock.now - cancelled
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(await events.next() == .silentConnectionClosed)
        let closed = clock.now - cancelled
        print("cancellation: caller resumed after \(resumed), connection closed after \(closed)")
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        let transport = CurlHTTPTransport(version: "test")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(TransportRequest(method: "GET", url: "http://127.0.0.1:9/"))
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
