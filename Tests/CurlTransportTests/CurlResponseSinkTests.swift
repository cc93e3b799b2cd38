import Testing

@testable import CurlTransport

@Suite struct CurlResponseSinkTests {
    private func feedHeader(_ sink: CurlResponseSink, _ line: String) {
        Array(line.utf8).withUnsafeBytes { sink.appendHeaderLine($0) }
    }

    private func feedBody(_ sink: CurlResponseSink, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { sink.appendBody($0) }
    }

    @Test func theAnnouncedLengthIsAllocatedOnce() {
        let sink = CurlResponseSink(limit: 1_000_000)
        feedHeader(sink, "HTTP/1.1 200 OK\r\n")
        feedHeader(sink, "content-length: 300000\r\n")
        #expect(feedBody(sink, [UInt8](repeating: 7, count: 1000)))
        #expect(sink.body.capacity >= 300_000)
        #expect(sink.body.count == 1000)
        #expect(sink.headers.map(\.name) == ["content-length"])
    }

    @Test func anAnnouncedLengthOverTheLimitIsNotAllocatedAndTheLimitStillHolds() {
        let sink = CurlResponseSink(limit: 100)
        feedHeader(sink, "HTTP/1.1 200 OK\r\n")
        feedHeader(sink, "Content-Length: 500000000\r\n")
        #expect(feedBody(sink, [UInt8](repeating: 1, count: 60)))
        #expect(sink.body.capacity < 500_000_000)
        #expect(!feedBody(sink, [UInt8](repeating: 1, count: 60)))
        #expect(sink.overflowed)
    }

    @Test func aRedirectsLengthIsForgottenWithItsHeaders() {
        let sink = CurlResponseSink(limit: 1_000_000)
        feedHeader(sink, "HTTP/1.1 302 Found\r\n")
        feedHeader(sink, "Content-Length: 900000\r\n")
        feedHeader(sink, "HTTP/1.1 200 OK\r\n")
        feedHeader(sink, "Content-Length: x\r\n")
        #expect(feedBody(sink, [1, 2, 3]))
        #expect(sink.body == [1, 2, 3])
        #expect(sink.body.capacity < 900_000)
    }
}
