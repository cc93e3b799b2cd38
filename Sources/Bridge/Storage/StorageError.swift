/// A failure reading or writing a file in `state_dir`; messages name the file and never its contents.
public struct StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that react differently.
    public enum Kind: Sendable, Equatable {
        /// A system call failed; `errno` says why.
        case system(call: String, errno: Int32)
        /// The state directory belongs to another user.
        case notOwned(owner: UInt32, currentUser: UInt32)
        /// The path exists but is not a directory.
        case notADirectory
        /// The file exists but does not hold the expected JSON.
        case unreadable(detail: String)
        /// The value could not be encoded.
        case unencodable(detail: String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The file or directory concerned.
    public var path: String

    /// Creates a storage error.
    public init(kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    /// A readable message that says what to do next.
    public var description: String {
        switch kind {
        case .system(let call, let code):
            "\(call) failed for \(path): \(systemErrorText(code)); check the path, its permissions and free space"
        case .notOwned(let owner, let currentUser):
            "state directory \(path) is owned by uid \(owner), not by the current user (uid \(currentUser)); "
                + "run as its owner or chown it"
        case .notADirectory:
            "state_dir \(path) exists but is not a directory; point state_dir elsewhere or move the file away"
        case .unreadable(let detail):
            "state file \(path) cannot be read as JSON (\(detail)); it was left untouched: fix or move it away"
        case .unencodable(let detail):
            "could not encode the value for \(path): \(detail)"
        }
    }
}
