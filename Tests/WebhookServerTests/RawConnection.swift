import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP connection to the server under test, for what curl cannot do (trickling bytes, holding
/// connections open). Calls block, with a receive timeout so a test can never hang. Use it from one task at a time.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    /// Connects to 127.0.0.1:`port`; throws when the connection is refused.
    init(port: Int, receiveTimeout: TimeInterval = 5) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawConnectionError.socket(errno) }
        var timeout = timeval()
        timeout.tv_sec = Int(receiveTimeout)
        timeout.tv_usec = Int(receiveTimeout.truncatingRemainder(dividingBy: 1) * 1_000_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let error = errno
            close(descriptor)
            throw RawConnectionError.connect(error)
        }
    }

    deinit { close(descriptor) }

    /// Sends all of `text`; false when the peer has closed or reset the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Whatever arrives until the peer closes or the receive timeout passes.
    func receiveUntilClosed() -> (text: String, closed: Bool) {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var error: Int32 = 0
            let count = buffer.withUnsafeMutableBytes {
                let received = recv(descriptor, $0.baseAddress, $0.count, 0)
                error = errno
                return received
            }
            if count > 0 {
                data.append(contentsOf: buffer[..<count])
            } else {
                // A reset can surface as any of these, depending on whether a failed send already consumed it.
                let closed = count == 0 || [ECONNRESET, EPIPE, ENOTCONN].contains(error)
                return (String(decoding: data, as: UTF8.self), closed)
            }
        }
    }

    /// Reads until `responses` responses with bodies of known length have arrived.
    func receive(responses: Int) -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while RawConnection.completeResponses(in: String(decoding: data, as: UTF8.self)) < responses {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            data.append(contentsOf: buffer[..<count])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Number of complete HTTP responses (with Content-Length bodies) in `text`.
    static func completeResponses(in text: String) -> Int {
        var rest = Substring(text)
        var count = 0
        while let end = rest.range(of: "\r\n\r\n") {
            let head = rest[..<end.lowerBound].lowercased()
            let length =
                head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let bodyStart = end.upperBound
            guard rest.utf8.distance(from: bodyStart, to: rest.endIndex) >= length else { break }
            rest = rest[rest.utf8.index(bodyStart, offsetBy: length)...]
            count += 1
        }
        return count
    }
}

/// Why a raw connection failed.
enum RawConnectionError: Error {
    /// `socket()` failed with this errno.
    case socket(Int32)
    /// `connect()` failed with this errno.
    case connect(Int32)
}
