#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One JSON document in `state_dir`, such as an account's tokens or cursors, stored through `AtomicFile`.
///
/// Generic over the value so the store does not depend on the token or cursor types themselves.
/// A file that does not parse is reported as `StorageError` naming it, and is never deleted.
public struct JSONFileStore<Value: Codable>: Sendable {
    /// The file holding the value.
    public let file: AtomicFile

    /// Creates a store over `file`.
    public init(file: AtomicFile) {
        self.file = file
    }

    /// The stored value, or nil when the file does not exist yet.
    public func load() throws(StorageError) -> Value? {
        guard let bytes = try file.read() else { return nil }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(bytes))
        } catch {
            throw StorageError(kind: .unreadable(detail: Self.describe(error)), path: file.path)
        }
    }

    /// Stores `value`, replacing the previous one atomically.
    public func save(_ value: Value) throws(StorageError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw StorageError(kind: .unencodable(detail: Self.describe(error)), path: file.path)
        }
        try file.write(Array(data))
    }

    /// Says where decoding failed without quoting any value (the file may hold secrets).
    static func describe(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        func at(_ context: DecodingError.Context) -> String {
            let location = path(context)
            return location.isEmpty ? "at the top level" : "at \(location)"
        }
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "invalid value \(at(context))"
        case DecodingError.keyNotFound(let key, let context):
            return "missing field \(path(context, key))"
        case DecodingError.typeMismatch(let type, let context):
            return "expected \(type) \(at(context))"
        case DecodingError.valueNotFound(let type, let context):
            return "expected \(type) but found null \(at(context))"
        case is EncodingError:
            return "a value cannot be represented in JSON"
        default:
            return "undecodable content"
        }
    }
}
