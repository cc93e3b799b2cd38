import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking TCP connection to 127.0.0.1 for what curl cannot do: arbitrary bytes, trickling, holding
/// connections open or idle. Every wait is bounded by `timeout`, so a test can never hang.
///
/// Use it from Dispatch threads, never from Swift's cooperative pool, and from one thread at a time. Calls are
/// restarted after a signal: the test process reaps many children, and a socket with a timeout is not restarted
/// by the kernel (signal(7)), so an unhandled `EINTR` would look like a timeout.
public final class RawSocket: @unchecked Sendable {
    private let descriptor: Int32
    private let timeout: TimeInterval

    /// Why a connection could not be made.
    public enum ConnectError: Error {
        /// `socket()` failed with this errno.
        case socket(Int32)
        /// `connect()` failed with this errno.
        case connect(Int32)
    }

    /// Connects to 127.0.0.1:`port`; `timeout` bounds each send and each receiving call.
    public init(port: Int, timeout: TimeInterval = 5) throws {
        self.timeout = timeout
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ConnectError.socket(errno) }
        var time = timeval()
        time.tv_sec = Int(timeout)
        time.tv_usec = Int(timeout.truncatingRemainder(dividingBy: 1) * 1_000_000)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
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
            throw ConnectError.connect(error)
        }
    }

    deinit { close(descriptor) }

    /// Sends all of `text`; false when the peer closed, reset or stopped reading.
    @discardableResult
    public func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Sends all of `bytes`; false when the peer closed, reset or stopped reading.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            var error: Int32 = 0
            let sent = bytes[offset...].withUnsafeBytes {
                let sent = Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                error = errno
                return sent
            }
            if sent < 0, error == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Whatever arrives until the peer closes (`closed`) or `timeout` passes.
    public func receiveUntilClosed() -> (text: String, closed: Bool) {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var data = [UInt8]()
        while true {
            switch receive(before: deadline) {
            case .data(let bytes): data += bytes
            case .closed: return (String(decoding: data, as: UTF8.self), true)
            case .timedOut: return (String(decoding: data, as: UTF8.self), false)
            }
        }
    }

    /// Reads until `responses` responses with bodies of known length have arrived (or the peer closes, or
    /// `timeout` passes).
    public func receive(responses: Int) -> String {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var data = [UInt8]()
        while Self.completeResponses(in: String(decoding: data, as: UTF8.self)) < responses {
            guard case .data(let bytes) = receive(before: deadline) else { break }
            data += bytes
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The status code of the first response line, or nil when the peer closed or `timeout` passed first.
    public func readStatus() -> Int? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var data = [UInt8]()
        while data.count < 64, !data.contains(0x0A) {
            guard case .data(let bytes) = receive(before: deadline) else { break }
            data += bytes
        }
        let line = String(decoding: data.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
        let parts = line.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/") else { return nil }
        return Int(parts[1])
    }

    /// Whether the peer closes the connection (end of file or a reset) within `timeout` seconds, without
    /// consuming anything it sent.
    public func isClosed(waiting timeout: TimeInterval) -> Bool {
        guard waitReadable(before: Date(timeIntervalSinceNow: timeout)) != nil else { return false }
        var byte: UInt8 = 0
        let count = recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        let error = errno
        return count == 0 || (count < 0 && error != EAGAIN && error != EWOULDBLOCK && error != EINTR)
    }

    /// Number of complete HTTP responses (with Content-Length bodies) in `text`.
    public static func completeResponses(in text: String) -> Int {
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

    private enum Received {
        case data([UInt8])
        case closed
        case timedOut
    }

    private func receive(before deadline: Date) -> Received {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while let events = waitReadable(before: deadline) {
            // errno is read right after recv: anything in between (an allocation under AddressSanitizer) may reset it.
            var error: Int32 = 0
            let count = buffer.withUnsafeMutableBytes {
                let received = recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT))
                error = errno
                return received
            }
            if count > 0 { return .data(Array(buffer[..<count])) }
            if count == 0 { return .closed }
            if error == EINTR { continue }
            if error == EAGAIN || error == EWOULDBLOCK {
                // Readable without data can only mean the peer hung up or the socket failed.
                if events & Int16(POLLHUP | POLLERR) != 0 { return .closed }
                continue
            }
            // Any other error (a reset, whichever errno reports it) leaves nothing more to read.
            return .closed
        }
        return .timedOut
    }

    /// Waits until the socket is readable (data, end of file or an error) and returns the poll events; nil when
    /// `deadline` passed.
    private func waitReadable(before deadline: Date) -> Int16? {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32((remaining * 1000).rounded(.up)))
            if ready > 0 { return poller.revents }
            if ready < 0, errno == EINTR { continue }
            if ready < 0 { return Int16(POLLERR) }
        }
    }
}
