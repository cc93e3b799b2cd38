import Bridge
import Glibc
import Testing

@Suite struct SystemdNotifierTests {
    @Test func withoutSocketEverythingIsANoOp() throws {
        let notifier = SystemdNotifier(environment: ["HOME": "/root"])
        #expect(!notifier.isEnabled)
        try notifier.ready()
        try notifier.watchdog()
        try notifier.stopping()
        #expect(!SystemdNotifier(socketPath: "").isEnabled)
    }

    @Test func messagesArriveAsDatagramsOnAPathSocket() throws {
        try withTemporaryDirectory { dir in
            let path = "\(dir)/notify.sock"
            let receiver = try DatagramReceiver(address: path)
            defer { receiver.close() }
            let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
            #expect(notifier.isEnabled)
            try notifier.ready(status: "2 accounts online")
            #expect(try receiver.next() == "READY=1\nSTATUS=2 accounts online")
            try notifier.watchdog()
            #expect(try receiver.next() == "WATCHDOG=1")
            try notifier.status("line one\nline two")
            #expect(try receiver.next() == "STATUS=line one line two")
            try notifier.stopping()
            #expect(try receiver.next() == "STOPPING=1")
        }
    }

    @Test func abstractSocketNamesWork() throws {
        let name = "@w2m-notify-test-\(UInt32.random(in: 0 ... .max))"
        let receiver = try DatagramReceiver(address: name)
        defer { receiver.close() }
        try SystemdNotifier(socketPath: name).ready()
        #expect(try receiver.next() == "READY=1")
    }

    @Test func missingSocketIsAReadableError() throws {
        let notifier = SystemdNotifier(socketPath: "/nonexistent/notify.sock")
        let error = try #require(throws: SystemdNotifyError.self) { try notifier.ready() }
        #expect(error.socketPath == "/nonexistent/notify.sock")
        #expect(error.description.contains("sendto"))
        #expect(error.description.contains("/nonexistent/notify.sock"))
    }

    @Test func watchdogIntervalIsHalfOfWatchdogUsec() {
        let pid = getpid()
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "20000000"]) == .seconds(10))
        #expect(
            SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "\(pid)"])
                == .milliseconds(1500))
        #expect(
            SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "\(pid + 1)"])
                == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "0"]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "soon"]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: [:]) == nil)
    }
}

/// A unix datagram socket bound where systemd's would be, reading what the notifier sends.
private struct DatagramReceiver {
    let fd: Int32

    /// Binds `address`: a path, or `@name` for the abstract namespace.
    init(address: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket failed with errno \(errno)") }
        // A broken notifier must fail the test, not hang it.
        var limit = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        var name = Array(address.utf8)
        let abstract = name.first == UInt8(ascii: "@")
        if abstract { name[0] = 0 }
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { $0.copyBytes(from: name) }
        let length = socklen_t(2 + name.count + (abstract ? 0 : 1))
        let result = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard result == 0 else { throw TestFailure("bind \(address) failed with errno \(errno)") }
    }

    /// The next datagram as text.
    func next() throws -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw TestFailure("recv failed with errno \(errno)") }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Closes the socket.
    func close() {
        _ = Glibc.close(fd)
    }
}
