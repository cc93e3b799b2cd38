import FoundationEssentials

/// Reads secret and certificate files, turning failures into short reasons a user can act on.
enum SecretFileReader {
    /// Why a file could not be used.
    enum Failure: Error, Equatable, CustomStringConvertible {
        /// Nothing at the path.
        case missing
        /// The path is a directory.
        case directory
        /// The running user may not read it.
        case unreadable
        /// Not UTF-8 text.
        case notText
        /// Empty (after trimming the trailing newline).
        case empty

        /// The reason, to follow the path in a message.
        var description: String {
            switch self {
            case .missing: "does not exist"
            case .directory: "is a directory, not a file"
            case .unreadable: "is not readable by this user (check its owner and mode)"
            case .notText: "is not UTF-8 text"
            case .empty: "is empty"
            }
        }
    }

    /// The file's text with trailing newlines trimmed.
    static func readSecret(atPath path: String) -> Result<String, Failure> {
        if let failure = checkReadable(path) { return .failure(failure) }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable) }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(.notText) }
        let secret = text.trimmingTrailingNewlines
        return secret.isEmpty ? .failure(.empty) : .success(secret)
    }

    /// Nil when `path` is a readable regular file, else why not.
    static func checkReadable(_ path: String) -> Failure? {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory { return .directory }
        return FileManager.default.isReadableFile(atPath: path) ? nil : .unreadable
    }

    /// `path` made absolute against `directory` when relative (relative paths are relative to the config file).
    static func resolve(_ path: String, against directory: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
