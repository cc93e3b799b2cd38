#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds zone rules on disk: IANA names under a zoneinfo directory, the system zone from `TZ` and
/// `/etc/localtime`.
public struct ZoneInfo: Sendable {
    /// Where the IANA database usually lives.
    public static let defaultRoot = "/usr/share/zoneinfo"
    /// The system's local zone file.
    public static let defaultLocaltimePath = "/etc/localtime"
    // Real TZif files are a few kilobytes; this only bounds what a wrong path can make us read.
    private static let maximumFileSize = 1 << 20

    /// The zoneinfo directory names are resolved under.
    public let root: String
    /// The file that holds the system zone when `TZ` does not name one.
    public let localtimePath: String

    /// Creates a reader of the given zoneinfo directory and local zone file.
    public init(root: String = ZoneInfo.defaultRoot, localtimePath: String = ZoneInfo.defaultLocaltimePath) {
        self.root = root
        self.localtimePath = localtimePath
    }

    /// Whether `identifier` is a safe relative name: non-empty, only `A-Za-z0-9/_+-`, no empty, `.` or `..`
    /// components.
    public static func isSafeIdentifier(_ identifier: String) -> Bool {
        let allowed = identifier.utf8.allSatisfy { byte in
            (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-")
        }
        let components = identifier.split(separator: "/", omittingEmptySubsequences: false)
        return allowed && identifier.utf8.count <= 255
            && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The rules of an IANA zone such as `Europe/Berlin`. `UTC`, `Etc/UTC`, `GMT` and `Etc/GMT` work even
    /// without a zoneinfo directory.
    public func load(identifier: String) throws(ZoneInfoError) -> ZoneRules {
        guard Self.isSafeIdentifier(identifier) else { throw .unsafeIdentifier(identifier) }
        do throws(ZoneInfoError) {
            return try load(path: root + "/" + identifier)
        } catch .notFound where ["UTC", "Etc/UTC", "GMT", "Etc/GMT"].contains(identifier) {
            return .utc
        }
    }

    /// The rules in the TZif file at `path`.
    public func load(path: String) throws(ZoneInfoError) -> ZoneRules {
        let bytes = try Self.readFile(path)
        do throws(TZifError) {
            return try TZifDecoder.decode(bytes)
        } catch {
            throw .invalid(path: path, error)
        }
    }

    /// The system zone for this process: `TZ` from the process environment, else `/etc/localtime`, else UTC.
    public func system() -> ZoneRules {
        system(environment: getenv("TZ").map { ["TZ": String(cString: $0)] } ?? [:])
    }

    /// The system zone for `environment`: `TZ` as `:Name`, `Name`, `:/path`, `/path` or a POSIX rule; an unset or
    /// unusable `TZ` falls back to `/etc/localtime`, then UTC. An empty `TZ` means UTC, as in glibc.
    public func system(environment: [String: String]) -> ZoneRules {
        if let value = environment["TZ"] {
            if value.isEmpty { return .utc }
            if let rules = rules(forTZ: value) { return rules }
        }
        return (try? load(path: localtimePath)) ?? .utc
    }

    private func rules(forTZ value: String) -> ZoneRules? {
        let isFileForm = value.hasPrefix(":")
        let name = isFileForm ? String(value.dropFirst()) : value
        if name.hasPrefix("/") { return try? load(path: name) }
        if let rules = try? load(identifier: name) { return rules }
        guard !isFileForm, let rule = PosixTimeZoneRule(name) else { return nil }
        return ZoneRules(rule: rule)
    }

    private static func readFile(_ path: String) throws(ZoneInfoError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let error = errno
            throw error == ENOENT || error == ENOTDIR ? .notFound(path: path) : .unreadable(path: path, errno: error)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                // `Europe` is a directory of zones, not a zone.
                if errno == EISDIR { throw .notFound(path: path) }
                throw .unreadable(path: path, errno: errno)
            }
            bytes.append(contentsOf: chunk[0..<count])
            guard bytes.count <= maximumFileSize else { throw .tooLarge(path: path) }
        }
    }
}
