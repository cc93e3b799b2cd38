extension SleepSummary: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, date, startdate, enddate, timezone, model, model_id, hash_deviceid, deviceid, modified, data
    }

    /// Decodes one getsummary `series` element; `data` keeps numeric fields and skips objects (`night_events`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let data =
            (try? container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .data))?.numericFields() ?? [:]
        self.init(
            id: try container.lenientInt64IfPresent(forKey: .id),
            date: try container.decode(String.self, forKey: .date),
            startDate: try container.lenientInt64(forKey: .startdate),
            endDate: try container.lenientInt64(forKey: .enddate),
            timezone: try? container.decodeIfPresent(String.self, forKey: .timezone),
            model: try? container.lenientIntIfPresent(forKey: .model),
            modelID: try? container.lenientIntIfPresent(forKey: .model_id),
            deviceID: try container.lenientStringIfPresent(forKey: .hash_deviceid)
                ?? container.lenientStringIfPresent(forKey: .deviceid),
            modified: try container.lenientInt64IfPresent(forKey: .modified),
            data: data
        )
    }
}

extension SleepSummary: PageItem {
    /// Summaries sit under `series`.
    public static var pageKey: String { "series" }
}
