import Dispatch
import Glibc
import Locking

/// A tiny HTTP/1.1 server on 127.0.0.1 for driving libcurl over real sockets.
///
/// Routes: `/echo` (the raw request as body), `/redirect` (302), `/headers`, `/bytes/N` (N bytes with a
/// length), `/stream/N` (N bytes delimited by close), `/silent` (reads, never answers). One request per
/// connection; every response closes the connection.
final class LoopbackHTTPServer: Sendable {
    /// Something the server saw, for tests that must wait on the server side.
    enum Event: Sendable, Equatable {
        /// A request for `/silent` arrived and will never be answered.
        case silentRequestArrived
        /// The client closed a `/silent` connection.
        case silentConnectionClosed
    }

    /// The bound port.
    let port: Int
    /// Events in the order they happened.
    let events: AsyncStream<Event>
    private let eventSink: AsyncStream<Event>.Continuation
    private let listener: Int32
    private let connections = Locked<Set<Int32>>([])

    /// Binds a free port and starts accepting.
    init() throws {
        let fd = try bindLoopback(type: SOCK_STREAM)
        guard listen(fd, 512) == 0 else { throw SocketFailure(call: "listen") }
        listener = fd
        port = try boundPort(fd)
        (events, eventSink) = AsyncStream.makeStream(of: Event.self)
        DispatchQueue(label: "loopback-http.accept").async { [self] in acceptLoop() }
    }

    /// The base URL, without a trailing slash.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Stops accepting and drops every open connection.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in connections.withLock({ $0 }) { shutdown(fd, Int32(SHUT_RDWR)) }
        eventSink.finish()
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                close(listener)
                return
            }
            connections.withLock { _ = $0.insert(fd) }
            // A serial queue per connection: each blocking handler gets its own thread.
            DispatchQueue(label: "loopback-http.connection").async { [self] in
                serve(fd)
                connections.withLock { _ = $0.remove(fd) }
                close(fd)
            }
        }
    }

    private func serve(_ fd: Int32) {
        guard let request = ReceivedRequest.read(from: fd) else { return }
        let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let parts = path.split(separator: "/").map(String.init)
        switch parts.first {
        case "echo":
            let extra = [("X-Echo-Method", request.method), ("X-Echo-Body-Length", "\(request.body.count)")]
            respond(fd, status: "200 OK", headers: extra, body: request.raw, omitBody: request.method == "HEAD")
        case "redirect":
            respond(
                fd, status: "302 Found", headers: [("Location", "/landing?code=abc&state=xyz")],
                body: Array("moved".utf8))
        case "headers":
            let fields = [("X-One", "1"), ("X-Two", "two words"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")]
            respond(fd, status: "204 No Content", headers: fields, body: [])
        case "bytes", "stream":
            let count = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            let body = patternBytes(count: count)
            respond(fd, status: "200 OK", headers: [], body: body, sendLength: parts[0] == "bytes")
        case "silent":
            eventSink.yield(.silentRequestArrived)
            var byte: UInt8 = 0
            while recv(fd, &byte, 1, 0) > 0 {}
            eventSink.yield(.silentConnectionClosed)
        default:
            respond(fd, status: "404 Not Found", headers: [], body: Array("no route".utf8))
        }
    }

    private func respond(
        _ fd: Int32,
        status: String,
        headers: [(String, String)],
        body: [UInt8],
        omitBody: Bool = false,
        sendLength: Bool = true
    ) {
        var head = "HTTP/1.1 \(status)\r\nConnection: close\r\n"
        if sendLength { head += "Content-Length: \(body.count)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        sendAll(fd, Array(head.utf8))
        if !omitBody { sendAll(fd, body) }
    }
}

/// A failed socket call in the test server.
struct SocketFailure: Error, CustomStringConvertible {
    /// The call that failed.
    let call: String
    /// The errno it left.
    let code: Int32 = errno
    /// Call and errno.
    var description: String { "\(call) failed with errno \(code)" }
}

/// A socket of `type` bound to 127.0.0.1 on a free port.
func bindLoopback(type: __socket_type) throws -> Int32 {
    let fd = socket(AF_INET, Int32(type.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw SocketFailure(call: "socket") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard result == 0 else {
        close(fd)
        throw SocketFailure(call: "bind")
    }
    return fd
}

/// The local port a bound socket got.
func boundPort(_ fd: Int32) throws -> Int {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let result = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard result == 0 else { throw SocketFailure(call: "getsockname") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// `count` bytes of the repeating pattern 0, 1, ..., 250 that large-body routes serve.
func patternBytes(count: Int) -> [UInt8] {
    let cycle = (0..<251).map { UInt8($0) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + cycle.count)
    while bytes.count < count { bytes.append(contentsOf: cycle) }
    bytes.removeLast(bytes.count - count)
    return bytes
}

/// Writes all of `bytes`, giving up quietly when the peer is gone.
func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if sent < 0, errno == EINTR { continue }
        guard sent > 0 else { return }
        offset += sent
    }
}
