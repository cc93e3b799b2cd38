/// `application/x-www-form-urlencoded` encoding and decoding, byte-exact and without Foundation.
public enum FormURLEncoding {
    /// Why a form body could not be decoded.
    public enum DecodingFailure: Error, Sendable, Equatable {
        /// A `%` not followed by two hex digits, at this byte offset.
        case badPercentEscape(offset: Int)
        /// A name or value is not valid UTF-8 after decoding.
        case invalidUTF8
    }

    /// Encodes fields in order as `name=value&…`, percent-encoding every byte outside `A-Z a-z 0-9 - . _ ~`.
    public static func encode(_ fields: [(name: String, value: String)]) -> String {
        fields.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
    }

    /// Percent-encodes one component (space becomes `%20`, which every form decoder accepts).
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes a form body into fields in order (`+` is a space, `%XX` a byte); empty pairs are skipped.
    public static func decode(_ body: [UInt8]) throws(DecodingFailure) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        var start = 0
        while start <= body.count {
            var end = start
            while end < body.count, body[end] != UInt8(ascii: "&") { end += 1 }
            if end > start {
                let pair = body[start..<end]
                let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? end
                let name = try unescape(body[start..<equals])
                let value = equals < end ? try unescape(body[(equals + 1)..<end]) : ""
                fields.append((name, value))
            }
            start = end + 1
        }
        return fields
    }

    // Slices keep the body's indices, so `index` is already the offset in the whole body.
    private static func unescape(_ bytes: ArraySlice<UInt8>) throws(DecodingFailure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
                index += 1
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                    let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { throw .badPercentEscape(offset: index) }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw .invalidUTF8 }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }
}
