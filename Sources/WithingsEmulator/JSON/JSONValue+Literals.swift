extension JSONValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// Creates `.int` from a literal.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// Creates `.double` from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// Creates `.string` from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates `.bool` from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Creates `.array` from a literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Creates `.null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
    /// Creates `.object` from a literal; a repeated key keeps the last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
