/// Turns free text (device ids, base topics, account names) into topic- and id-safe slugs.
public enum TopicSlug {
    /// Lower-case ASCII letters and digits kept, every other character becomes `_`: `Ab-1/x` → `ab_1_x`.
    public static func make(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
            case "A"..."Z": out.unicodeScalars.append(Unicode.Scalar(scalar.value + 32) ?? "_")
            default: out += "_"
            }
        }
        return out.isEmpty ? "_" : out
    }
}
