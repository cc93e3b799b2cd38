/// Why a zone could not be loaded from the zoneinfo database or a TZif file.
public enum ZoneInfoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name is empty, absolute, has `.`, `..` or empty components, or characters outside `A-Za-z0-9/_+-`.
    case unsafeIdentifier(String)
    /// No file at the path.
    case notFound(path: String)
    /// The file exists but could not be read (errno).
    case unreadable(path: String, errno: Int32)
    /// The file is larger than any TZif file should be.
    case tooLarge(path: String)
    /// The file is not valid TZif data.
    case invalid(path: String, TZifError)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .unsafeIdentifier(let name):
            "\"\(name)\" is not a time zone name: expected an IANA name like Europe/Berlin, made of A-Z, a-z, 0-9, "
                + "'/', '_', '+' and '-', relative and without '..'"
        case .notFound(let path): "no time zone file at \(path)"
        case .unreadable(let path, let errno): "cannot read the time zone file \(path) (errno \(errno))"
        case .tooLarge(let path): "\(path) is too large to be a time zone file"
        case .invalid(let path, let error): "\(path): \(error)"
        }
    }
}
