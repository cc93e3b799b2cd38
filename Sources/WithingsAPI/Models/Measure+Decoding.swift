extension Measure: Decodable {
    private enum CodingKeys: String, CodingKey {
        case value, unit, type, position
    }

    /// Decodes `{"value", "unit", "type", "position"?}`; unknown types and positions are kept as numbers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            value: try container.lenientInt64(forKey: .value),
            unit: try container.lenientIntIfPresent(forKey: .unit) ?? 0,
            type: try container.lenientInt(forKey: .type),
            position: try container.lenientIntIfPresent(forKey: .position)
        )
    }
}
