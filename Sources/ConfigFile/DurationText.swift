import WithingsAPI

/// Parses durations written as `600`, `90s`, `10m`, `2h` or `1d`.
enum DurationText {
    /// The duration in seconds, nil when the text is not a duration.
    static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace().lowercased()
        if let plain = Int(trimmed) { return plain }
        guard let unit = trimmed.last, let number = Int(trimmed.dropLast().trimmingWhitespace()) else { return nil }
        let factor: Int
        switch unit {
        case "s": factor = 1
        case "m": factor = 60
        case "h": factor = 3600
        case "d": factor = 86400
        default: return nil
        }
        let (product, overflow) = number.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }
}
