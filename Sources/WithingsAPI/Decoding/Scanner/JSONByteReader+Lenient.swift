// The same rules as `KeyedDecodingContainer+Lenient.swift`, for the value at the cursor. Where that file's result
// depends on how `JSONDecoder` converts a number (fractions, exponents, more than 18 digits), only the cases whose
// outcome is certain are read; the rest are declined.

extension JSONByteReader {
    /// An integer as `lenientInt64IfPresent` reads it: a number or a decimal string; nil for null.
    mutating func readLenientInt64() throws(ScanMismatch) -> Int64? {
        switch nextToken() {
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try whole(readNumber(), truncating: true)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return nil
        case UInt8(ascii: "\""):
            guard let value = Int64(try readString()) else { throw ScanMismatch() }
            return value
        default: throw ScanMismatch()
        }
    }

    /// A small integer as `lenientIntIfPresent` reads it; nil for null.
    mutating func readLenientInt() throws(ScanMismatch) -> Int? {
        // Int is 64-bit wherever this runs, so every Int64 fits.
        try readLenientInt64().map { Int($0) }
    }

    /// A flag as `lenientBool` reads it: `true`/`false`, a number (non-zero is true) or a string; null is false.
    mutating func readLenientBool() throws(ScanMismatch) -> Bool {
        switch nextToken() {
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return true
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return false
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return false
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let value = double(try readNumber()) else { throw ScanMismatch() }
            return value != 0
        case UInt8(ascii: "\""):
            let text = try readString()
            return text == "true" || (Double(text).map { $0 != 0 } ?? false)
        default: throw ScanMismatch()
        }
    }

    /// A string as `lenientStringIfPresent` reads it: a string, or an integer as its decimal text; nil for null.
    mutating func readLenientString(reusing recent: inout RecentString?) throws(ScanMismatch) -> String? {
        switch nextToken() {
        case UInt8(ascii: "\""): return try readString(reusing: &recent)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return String(try whole(readNumber(), truncating: false))
        default: throw ScanMismatch()
        }
    }

    /// A string as `try? decodeIfPresent(String.self, …)` reads it: any value that is not a string is nil.
    mutating func readOptionalString(reusing recent: inout RecentString?) throws(ScanMismatch) -> String? {
        guard nextToken() == UInt8(ascii: "\"") else {
            try skipValue(depth: 1)
            return nil
        }
        return try readString(reusing: &recent)
    }

    // The Int64 JSONDecoder gives for `number`, or what the lenient Double fallback gives when `truncating`.
    //
    // JSONDecoder reads a plain integer exactly. Any other number it parses with strtod and accepts if that is a
    // whole number below 2^53 in magnitude; a fraction fails, and the lenient readers then truncate the Double.
    // From 2^53 up it takes a Decimal path whose results are not reproduced here.
    private func whole(_ number: ScannedNumber, truncating: Bool) throws(ScanMismatch) -> Int64 {
        if case .integer(let value) = number { return value }
        guard let value = double(number), abs(value) < 9_007_199_254_740_992,
            truncating || value.rounded(.towardZero) == value
        else { throw ScanMismatch() }
        return Int64(value)
    }
}
