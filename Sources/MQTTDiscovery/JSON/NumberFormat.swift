/// Writes numbers for state topics and JSON: plain decimal notation, no float noise, integers without `.0`.
public enum NumberFormat {
    /// Formats `value` with at most 15 significant digits and at most 9 decimals: `70.5`, `70`, `0.07`, `-3.25`.
    ///
    /// Values like `0.1 + 0.2` print as `0.3`; no exponent notation (HA, Domoticz and Telegraf all parse it, but
    /// people read these topics too).
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "None" }
        let magnitude = Swift.abs(value)
        if magnitude >= 1e15 {
            return magnitude < 9.2e18 ? String(Int64(value.rounded())) : String(value)
        }
        var integerDigits = 1
        var bound = 10.0
        while magnitude >= bound && integerDigits < 16 {
            integerDigits += 1
            bound *= 10
        }
        let decimals = max(0, min(9, 15 - integerDigits))
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((magnitude * Double(scale)).rounded())
        if scaled == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        let whole = scaled / scale
        var fraction = scaled % scale
        guard fraction != 0 else { return sign + String(whole) }
        var width = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: width - digits.count) + digits
    }

    /// Rounds to `decimals` places (for converted values, where more digits would only be noise).
    public static func round(_ value: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
