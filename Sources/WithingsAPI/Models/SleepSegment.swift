/// One state segment of a night from `v2/sleep get` (high-frequency data; not used for entities).
public struct SleepSegment: Sendable, Equatable, Decodable, PageItem {
    /// Start of the segment, epoch seconds.
    public var startDate: Int64
    /// End of the segment, epoch seconds.
    public var endDate: Int64
    /// 0 awake, 1 light, 2 deep, 3 REM, 4 manual, 5 unspecified, 15 out of bed; unknown states are kept.
    public var state: Int
    /// The model id (63 Sleep Analyzer), when given.
    public var modelID: Int?
    /// The hashed device id, when given.
    public var deviceID: String?

    /// Segments sit under `series`.
    public static var pageKey: String { "series" }

    /// Creates a segment.
    public init(startDate: Int64, endDate: Int64, state: Int, modelID: Int? = nil, deviceID: String? = nil) {
        self.startDate = startDate
        self.endDate = endDate
        self.state = state
        self.modelID = modelID
        self.deviceID = deviceID
    }

    private enum CodingKeys: String, CodingKey {
        case startdate, enddate, state, model_id, hash_deviceid
    }

    /// Decodes one `series` element; the per-second maps (`hr`, `rr`, …) are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            startDate: try container.lenientInt64(forKey: .startdate),
            endDate: try container.lenientInt64(forKey: .enddate),
            state: try container.lenientIntIfPresent(forKey: .state) ?? 5,
            modelID: try container.lenientIntIfPresent(forKey: .model_id),
            deviceID: try container.lenientStringIfPresent(forKey: .hash_deviceid)
        )
    }
}
