extension Goals: Decodable {
    private enum CodingKeys: String, CodingKey {
        case steps, sleep, weight
    }

    private enum WeightKeys: String, CodingKey {
        case value, unit
    }

    /// Decodes the `goals` value: an object of set goals, or an empty list meaning no goals.
    public init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
            // Withings sends `[]` when no goal is set; anything that is not an object means "no goals".
            _ = try decoder.unkeyedContainer()
            self.init()
            return
        }
        var weight: Double?
        if let nested = try? container.nestedContainer(keyedBy: WeightKeys.self, forKey: .weight) {
            let value = try nested.lenientInt64(forKey: .value)
            let unit = try nested.lenientIntIfPresent(forKey: .unit) ?? 0
            weight = Measure(value: value, unit: unit, type: 1).realValue
        }
        self.init(
            steps: try container.lenientIntIfPresent(forKey: .steps),
            sleep: try container.lenientIntIfPresent(forKey: .sleep),
            weight: weight
        )
    }
}
