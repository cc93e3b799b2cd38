/// A JSON value with a stable serialisation (sorted keys, no whitespace), so equal content gives equal bytes.
///
/// Discovery configs are compared byte-wise to publish only what changed; `Dictionary` order is random,
/// hence this small hand-written writer instead of an encoder.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// A number, written without float noise (see `NumberFormat`).
    case number(Double)
    /// An integer, written exactly.
    case integer(Int64)
    /// A string.
    case string(String)
    /// An array, in order.
    case array([JSONValue])
    /// An object; written with keys sorted.
    case object([String: JSONValue])

    /// A string, or `null` when nil.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// An ISO 8601 UTC timestamp from epoch seconds, or `null` when nil.
    public static func timestamp(_ epochSeconds: Int64?) -> JSONValue {
        epochSeconds.map { .string(ISO8601.format(epochSeconds: $0)) } ?? .null
    }
}
