import LocalTime

/// ISO 8601 timestamps in UTC from epoch seconds, without Foundation.
public enum ISO8601 {
    /// `2024-01-02T03:04:05Z` for the given epoch seconds.
    public static func format(epochSeconds: Int64) -> String {
        let days = CivilDate.daysSinceEpoch(containing: epochSeconds)
        let secondsOfDay = epochSeconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        var out: [UInt8] = []
        out.reserveCapacity(20)
        // Written as bytes: the concatenation of padded strings was a tenth of a bed event's CPU time.
        append(date.year, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        append(Int64(date.month), width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        append(Int64(date.day), width: 2, to: &out)
        out.append(UInt8(ascii: "T"))
        append(secondsOfDay / 3600, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        append(secondsOfDay % 3600 / 60, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        append(secondsOfDay % 60, width: 2, to: &out)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` in decimal, zero-padded to `width` digits (a negative year keeps its sign in front).
    private static func append(_ value: Int64, width: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var count = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            count += 1
        }
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(width, count)))
        var index = out.count - 1
        while magnitude > 0 {
            out[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            index -= 1
        }
    }
}
