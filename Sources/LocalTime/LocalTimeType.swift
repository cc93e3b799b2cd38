/// One kind of local time a zone uses: its offset from UTC and how it is named.
public struct LocalTimeType: Sendable, Hashable {
    /// Seconds east of UTC (negative west of Greenwich).
    public let utcOffset: Int
    /// Whether the zone data marks this type as daylight saving time.
    public let isDaylightSaving: Bool
    /// The abbreviation, such as `CEST` or `+0530`, when the data names one.
    public let abbreviation: String?

    /// Creates a local time type.
    public init(utcOffset: Int, isDaylightSaving: Bool, abbreviation: String? = nil) {
        self.utcOffset = utcOffset
        self.isDaylightSaving = isDaylightSaving
        self.abbreviation = abbreviation
    }
}
