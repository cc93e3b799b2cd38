import Glibc

/// The daemon's `state_dir`: per-account token and cursor files, private to the service user.
///
/// Account names become file names, so they must be plain names (the configuration validates them).
public struct StateDirectory: Sendable, Equatable {
    /// The directory's path.
    public let path: String

    /// Names the directory at `path`; nothing is touched until `prepare`.
    public init(path: String) {
        self.path = path
    }

    /// Creates the directory (mode 0700) if missing, refuses one owned by another user, and tightens
    /// permissions that are too open: the directory to 0700, every `*.token.json` to 0600.
    ///
    /// - Returns: one warning per permission it had to fix, for the caller to log.
    public func prepare() throws(StorageError) -> [String] {
        var warnings: [String] = []
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else { throw failure("stat", path) }
            try create()
            guard stat(path, &info) == 0 else { throw failure("stat", path) }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw StorageError(kind: .notADirectory, path: path)
        }
        try requireOwned(info, path)
        if info.st_mode & 0o077 != 0 {
            guard chmod(path, 0o700) == 0 else { throw failure("chmod", path) }
            warnings.append(
                "state directory \(path) was accessible to other users (mode \(octal(info.st_mode))); changed to 0700")
        }
        for name in try entries() where name.hasSuffix(Self.tokenSuffix) {
            if let warning = try tightenTokenFile("\(path)/\(name)") { warnings.append(warning) }
        }
        return warnings
    }

    /// The file holding an account's OAuth tokens: `<state_dir>/<account>.token.json`.
    public func tokenFile(account: String) -> AtomicFile {
        AtomicFile(path: "\(path)/\(account)\(Self.tokenSuffix)")
    }

    /// The file holding an account's cursors and other resumable state: `<state_dir>/<account>.state.json`.
    public func stateFile(account: String) -> AtomicFile {
        AtomicFile(path: "\(path)/\(account).state.json")
    }

    /// The file holding an account's bed states, written after every bed event: `<state_dir>/<account>.bed.json`.
    public func bedFile(account: String) -> AtomicFile {
        AtomicFile(path: "\(path)/\(account).bed.json")
    }

    /// Any other file in the directory, such as `webhook-secret` or `<account>.pending-auth.json`.
    public func file(named name: String) -> AtomicFile {
        AtomicFile(path: "\(path)/\(name)")
    }

    /// A store for an account's tokens, of whatever Codable type the caller uses.
    public func tokenStore<Value: Codable>(account: String, as type: Value.Type = Value.self) -> JSONFileStore<Value> {
        JSONFileStore(file: tokenFile(account: account))
    }

    /// A store for an account's cursors, of whatever Codable type the caller uses.
    public func stateStore<Value: Codable>(account: String, as type: Value.Type = Value.self) -> JSONFileStore<Value> {
        JSONFileStore(file: stateFile(account: account))
    }

    /// A store for an account's bed states.
    public func bedStore(account: String) -> JSONFileStore<BedRecord> {
        JSONFileStore(file: bedFile(account: account))
    }

    private static let tokenSuffix = ".token.json"

    /// Makes the directory with mode 0700; missing parents get the usual 0755 (like `mkdir -p -m 700`).
    private func create() throws(StorageError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        let components = path.split(separator: "/")
        for (index, component) in components.enumerated() {
            prefix += "/\(component)"
            let isLeaf = index == components.count - 1
            if mkdir(prefix, isLeaf ? 0o700 : 0o755) != 0, errno != EEXIST {
                throw failure("mkdir", prefix)
            }
        }
        // mkdir's mode is filtered by the umask; set it exactly.
        guard chmod(path, 0o700) == 0 else { throw failure("chmod", path) }
    }

    private func tightenTokenFile(_ file: String) throws(StorageError) -> String? {
        var info = stat()
        guard lstat(file, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw failure("lstat", file)
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        try requireOwned(info, file)
        guard info.st_mode & 0o777 != 0o600 else { return nil }
        guard chmod(file, 0o600) == 0 else { throw failure("chmod", file) }
        return "token file \(file) had mode \(octal(info.st_mode)); changed to 0600"
    }

    private func requireOwned(_ info: stat, _ subject: String) throws(StorageError) {
        let me = geteuid()
        guard info.st_uid == me else {
            throw StorageError(kind: .notOwned(owner: info.st_uid, currentUser: me), path: subject)
        }
    }

    private func entries() throws(StorageError) -> [String] {
        guard let directory = opendir(path) else { throw failure("opendir", path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    private func octal(_ mode: mode_t) -> String {
        let digits = String(mode & 0o777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func failure(_ call: String, _ subject: String) -> StorageError {
        StorageError(kind: .system(call: call, errno: errno), path: subject)
    }
}
