extension Workout: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, category, startdate, enddate, date, deviceid, hash_deviceid, modified, data
    }

    /// Decodes one getworkouts `series` element; `data` keeps every numeric field, nulls left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let data =
            (try? container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .data))?.numericFields() ?? [:]
        self.init(
            id: try container.lenientInt64IfPresent(forKey: .id),
            category: try container.lenientIntIfPresent(forKey: .category) ?? 36,
            startDate: try container.lenientInt64(forKey: .startdate),
            endDate: try container.lenientInt64(forKey: .enddate),
            date: try? container.decodeIfPresent(String.self, forKey: .date),
            deviceID: try container.lenientStringIfPresent(forKey: .deviceid)
                ?? container.lenientStringIfPresent(forKey: .hash_deviceid),
            modified: try container.lenientInt64IfPresent(forKey: .modified),
            data: data
        )
    }
}

extension Workout: PageItem {
    /// Workouts sit under `series`.
    public static var pageKey: String { "series" }
}
