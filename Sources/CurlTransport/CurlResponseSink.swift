import WithingsAPI

/// Collects one response's header lines and body; used only on the thread running the transfer.
final class CurlResponseSink {
    /// The largest body accepted, in bytes.
    let limit: Int
    /// The header fields of the last response block (earlier blocks belong to `1xx` or followed redirects).
    private(set) var headers: [TransportHeader] = []
    /// The body bytes received so far.
    private(set) var body: [UInt8] = []
    /// Whether the body went over `limit`; the write callback then fails the transfer.
    private(set) var overflowed = false

    /// Creates a sink that accepts at most `limit` body bytes.
    init(limit: Int) {
        self.limit = limit
    }

    /// Appends body bytes; returns false (and remembers why) when they would exceed the limit.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= limit else {
            overflowed = true
            return false
        }
        if body.isEmpty, let contentLength = headers.value(of: "Content-Length").flatMap({ Int($0) }),
            (0...limit).contains(contentLength)
        {
            // One allocation of the announced size: grown by doubling, a 9 MB getmeas answer briefly held its
            // old and new buffers at once (the decade's peak RSS, BENCHMARKS.md).
            body.reserveCapacity(contentLength)
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Records one raw header line as curl delivers it, including its CRLF.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A status line starts a new block: drop the headers of an interim or redirect response.
            headers.removeAll()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon]).trimmingWhitespace()
        let value = String(line[line.index(after: colon)...]).trimmingWhitespace()
        guard !name.isEmpty else { return }
        headers.append(TransportHeader(name, value))
    }
}
