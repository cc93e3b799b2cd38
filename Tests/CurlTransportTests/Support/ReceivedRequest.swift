import Glibc

/// One request as the loopback server read it off the socket.
struct ReceivedRequest {
    /// The method from the request line.
    var method: String
    /// The request target (path and query).
    var target: String
    /// The body, as long as `Content-Length` said.
    var body: [UInt8]
    /// Every byte read: request line, header fields, blank line and body.
    var raw: [UInt8]

    /// Reads one request from `fd`, or nil when the peer closes first or sends garbage.
    static func read(from fd: Int32) -> ReceivedRequest? {
        var raw: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headEnd: Int?
        while headEnd == nil {
            guard receive(fd, into: &chunk, appendingTo: &raw) else { return nil }
            headEnd = endOfHead(raw)
        }
        guard let headEnd else { return nil }
        let head = String(decoding: raw[..<headEnd], as: UTF8.self)
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count == 3 else { return nil }
        var length = 0
        for line in lines.dropFirst() {
            let field = line.split(separator: ":", maxSplits: 1)
            if field.count == 2, field[0].lowercased() == "content-length" {
                length = Int(field[1].filter { $0 != " " }) ?? 0
            }
        }
        while raw.count < headEnd + length {
            guard receive(fd, into: &chunk, appendingTo: &raw) else { return nil }
        }
        return ReceivedRequest(
            method: String(requestLine[0]),
            target: String(requestLine[1]),
            body: Array(raw[headEnd..<(headEnd + length)]),
            raw: raw
        )
    }

    private static func receive(_ fd: Int32, into chunk: inout [UInt8], appendingTo raw: inout [UInt8]) -> Bool {
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            raw.append(contentsOf: chunk[..<count])
            return true
        }
    }

    /// The index just past the blank line ending the head, if it has arrived.
    private static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index - 3] == 13 && bytes[index - 2] == 10 && bytes[index - 1] == 13 && bytes[index] == 10 {
            return index + 1
        }
        return nil
    }
}
