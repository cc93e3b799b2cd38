/// Why bytes are not a usable TZif file (RFC 8536 / RFC 9636).
public enum TZifError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The data does not start with `TZif`.
    case badMagic
    /// The version byte is neither 0 nor `2` or later.
    case unsupportedVersion(UInt8)
    /// The header's counts need more bytes than there are.
    case truncated(needed: Int64, available: Int)
    /// The data block has no local time types.
    case noLocalTimeTypes
    /// A transition refers to a local time type that does not exist.
    case typeIndexOutOfRange(index: Int, typeCount: Int)
    /// A local time type's abbreviation starts outside the abbreviation characters.
    case abbreviationIndexOutOfRange(index: Int, characterCount: Int)
    /// A transition instant is not after the one before it.
    case transitionsNotAscending(position: Int)
    /// The footer is missing, not enclosed in newlines, or not a valid POSIX TZ string.
    case invalidFooter(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .badMagic: "not a TZif file (it does not start with \"TZif\")"
        case .unsupportedVersion(let version): "unsupported TZif version byte \(version)"
        case .truncated(let needed, let available):
            "truncated TZif data: the header needs \(needed) bytes, only \(available) are left"
        case .noLocalTimeTypes: "TZif data without local time types"
        case .typeIndexOutOfRange(let index, let typeCount):
            "TZif transition refers to local time type \(index), but there are only \(typeCount)"
        case .abbreviationIndexOutOfRange(let index, let characterCount):
            "TZif abbreviation index \(index) is outside the \(characterCount) abbreviation characters"
        case .transitionsNotAscending(let position): "TZif transition \(position) is not after the one before it"
        case .invalidFooter(let footer): "invalid TZif footer \"\(footer)\""
        }
    }
}
