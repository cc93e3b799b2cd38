import Glibc

/// The datagram send behind `SystemdNotifier`.
enum SystemdNotifySocket {
    /// Sends `payload` as one datagram to the unix socket `address` (a path, or `@name` for an abstract one).
    static func send(_ payload: [UInt8], to address: String) throws(SystemdNotifyError) {
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        var name = Array(address.utf8)
        let abstract = name.first == UInt8(ascii: "@")
        // An abstract name starts with a NUL byte instead of '@' and is not NUL-terminated.
        if abstract { name[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: socketAddress.sun_path)
        guard !name.isEmpty, name.count < capacity else {
            throw SystemdNotifyError(socketPath: address, reason: "the address is empty or too long")
        }
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { raw in
            raw.copyBytes(from: name)
        }
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? 2
        let length = socklen_t(pathOffset + name.count + (abstract ? 0 : 1))

        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw failure("socket", address) }
        defer { close(fd) }
        let sent = withUnsafePointer(to: &socketAddress) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                payload.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), address, length) }
            }
        }
        guard sent == payload.count else { throw failure("sendto", address) }
    }

    private static func failure(_ call: String, _ address: String) -> SystemdNotifyError {
        SystemdNotifyError(socketPath: address, reason: "\(call): \(systemErrorText(errno))")
    }
}
