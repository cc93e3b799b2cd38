import Glibc

/// A file replaced whole and atomically: readers see the old bytes or the new ones, never a mix.
///
/// `write` puts the bytes in `<name>.tmp-<random>` next to the target with mode 0600, fsyncs it, renames it
/// over the target and fsyncs the directory, so a crash at any point leaves the previous version intact.
public struct AtomicFile: Sendable, Equatable {
    /// The target file's path.
    public let path: String

    /// Names the file at `path`; nothing is touched until `read` or `write`.
    public init(path: String) {
        self.path = path
    }

    /// The directory holding the file.
    public var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The file's bytes, or nil when it does not exist.
    public func read() throws(StorageError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw failure("open")
        }
        defer { close(fd) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("read")
            }
            if count == 0 { return contents }
            contents.append(contentsOf: chunk[..<count])
        }
    }

    /// Deletes the file; a missing file is not an error.
    public func remove() {
        _ = path.withCString { unlink($0) }
    }

    /// Replaces the file's contents with `bytes`, durably, leaving it with mode 0600.
    public func write(_ bytes: [UInt8]) throws(StorageError) {
        let suffix = String(UInt64.random(in: .min ... .max), radix: 16)
        let temporary = "\(path).tmp-\(suffix)"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("open", temporary) }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(fd) }
            // open's mode is filtered by the umask; set it exactly.
            guard fchmod(fd, 0o600) == 0 else { throw failure("fchmod", temporary) }
            try writeAll(bytes, to: fd, temporary: temporary)
            guard fsync(fd) == 0 else { throw failure("fsync", temporary) }
        }
        guard rename(temporary, path) == 0 else { throw failure("rename", temporary) }
        renamed = true
        try syncDirectory()
    }

    private func writeAll(_ bytes: [UInt8], to fd: Int32, temporary: String) throws(StorageError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write", temporary)
            }
            offset += written
        }
    }

    /// Makes the rename itself durable.
    private func syncDirectory() throws(StorageError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open", directory) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("fsync", directory) }
    }

    private func failure(_ call: String, _ subject: String? = nil) -> StorageError {
        StorageError(kind: .system(call: call, errno: errno), path: subject ?? path)
    }
}
