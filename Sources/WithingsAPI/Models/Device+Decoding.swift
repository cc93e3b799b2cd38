extension Device: Decodable {
    private enum CodingKeys: String, CodingKey {
        case type, battery, model, model_id, timezone, first_session_date, last_session_date, deviceid, hash_deviceid
    }

    /// Decodes one `devices` element; battery `unknown` becomes nil, unknown model ids and types are kept.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let battery = try? container.decodeIfPresent(String.self, forKey: .battery)
        self.init(
            deviceID: try container.lenientStringIfPresent(forKey: .deviceid)
                ?? container.lenientStringIfPresent(forKey: .hash_deviceid) ?? "",
            type: (try? container.decodeIfPresent(String.self, forKey: .type)) ?? "",
            battery: battery == "unknown" || battery?.isEmpty == true ? nil : battery,
            model: (try? container.decodeIfPresent(String.self, forKey: .model)) ?? "",
            modelID: try container.lenientIntIfPresent(forKey: .model_id),
            timezone: try? container.decodeIfPresent(String.self, forKey: .timezone),
            firstSessionDate: try container.lenientInt64IfPresent(forKey: .first_session_date),
            lastSessionDate: try container.lenientInt64IfPresent(forKey: .last_session_date)
        )
    }
}
