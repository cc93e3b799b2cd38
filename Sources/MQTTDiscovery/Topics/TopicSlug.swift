/// Turns free text (device ids, base topics, account names) into topic- and id-safe slugs.
public enum TopicSlug {
    /// Lower-case ASCII letters and digits kept, every other character becomes `_`: `Ab-1/x` → `ab_1_x`.
    public static func make(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 32)
            // One `_` per Unicode scalar, as before: UTF-8 continuation bytes add none.
            case 0x80...0xBF: continue
            default: out.append(UInt8(ascii: "_"))
            }
        }
        return out.isEmpty ? "_" : String(decoding: out, as: UTF8.self)
    }
}
