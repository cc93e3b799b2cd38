extension MeasureGroup: Decodable {
    private enum CodingKeys: String, CodingKey {
        case grpid, attrib, date, created, modified, category, deviceid, hash_deviceid, model, modelid, measures
    }

    /// Decodes one `measuregrps` element; unknown attribs and categories are kept as numbers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            groupID: try container.lenientInt64(forKey: .grpid),
            attrib: try container.lenientIntIfPresent(forKey: .attrib) ?? 0,
            date: try container.lenientInt64(forKey: .date),
            created: try container.lenientInt64IfPresent(forKey: .created),
            modified: try container.lenientInt64IfPresent(forKey: .modified),
            category: try container.lenientIntIfPresent(forKey: .category) ?? 1,
            deviceID: try container.lenientStringIfPresent(forKey: .deviceid)
                ?? container.lenientStringIfPresent(forKey: .hash_deviceid),
            model: try? container.decodeIfPresent(String.self, forKey: .model),
            modelID: try container.lenientIntIfPresent(forKey: .modelid),
            measures: try container.decodeIfPresent([Measure].self, forKey: .measures) ?? []
        )
    }
}

extension MeasureGroup: PageItem {
    /// Groups sit under `measuregrps`.
    public static var pageKey: String { "measuregrps" }
}
