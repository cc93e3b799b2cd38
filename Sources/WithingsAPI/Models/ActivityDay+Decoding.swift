extension ActivityDay: Decodable {
    // Row fields that describe the row rather than measure the day; everything else numeric goes to `data`.
    private static let metadataKeys: Set<String> = [
        "date", "timezone", "deviceid", "hash_deviceid", "modified", "brand", "is_tracker", "model", "modelid",
    ]

    /// Decodes one `activities` row; every numeric field except the row's metadata lands in `data`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        self.init(
            date: try container.decode(String.self, forKey: AnyCodingKey("date")),
            timezone: try? container.decodeIfPresent(String.self, forKey: AnyCodingKey("timezone")),
            deviceID: try container.lenientStringIfPresent(forKey: AnyCodingKey("deviceid"))
                ?? container.lenientStringIfPresent(forKey: AnyCodingKey("hash_deviceid")),
            modified: try container.lenientInt64IfPresent(forKey: AnyCodingKey("modified")),
            data: container.numericFields(excluding: Self.metadataKeys)
        )
    }
}

extension ActivityDay: PageItem {
    /// Rows sit under `activities`.
    public static var pageKey: String { "activities" }
}
