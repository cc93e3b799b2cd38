/// A coding key for any string, used to walk objects whose keys are not known in advance (`data` maps).
struct AnyCodingKey: CodingKey, Hashable {
    /// The key as written in JSON.
    var stringValue: String
    /// Always nil: Withings objects are keyed by strings.
    var intValue: Int? { nil }

    /// Creates a key from a string.
    init(_ string: String) { self.stringValue = string }

    /// Creates a key from a string.
    init?(stringValue: String) { self.stringValue = stringValue }

    /// Creates a key from an integer index, written as decimal.
    init?(intValue: Int) { self.stringValue = String(intValue) }
}
