/// One `name=value` field of a form-encoded request.
public struct FormField: Sendable, Equatable {
    /// The field name.
    public var name: String
    /// The field value, unescaped.
    public var value: String

    /// Creates a field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
