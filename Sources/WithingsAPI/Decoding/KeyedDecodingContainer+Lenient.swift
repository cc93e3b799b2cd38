// Withings is loose with types: ids arrive as numbers or strings, `more` as 0/1 or a bool, and any optional
// field may be `null`. These helpers accept every shape seen in real responses without dynamic casting: the
// common shape is tried first, so the usual path costs one decode call.

extension KeyedDecodingContainer {
    /// An integer that may be written as a number (integral or not) or a decimal string; nil when absent or null.
    func lenientInt64IfPresent(forKey key: Key) throws -> Int64? {
        // One lookup on the common path; the slower shapes are tried only after it fails.
        do { return try decodeIfPresent(Int64.self, forKey: key) } catch {}
        if let double = try? decode(Double.self, forKey: key), double.isFinite, double >= -9.2e18, double <= 9.2e18 {
            return Int64(double)
        }
        if let string = try? decode(String.self, forKey: key), let value = Int64(string) { return value }
        throw DecodingError.typeMismatch(
            Int64.self,
            .init(codingPath: codingPath + [key], debugDescription: "expected an integer")
        )
    }

    /// An integer that must be present, in any shape `lenientInt64IfPresent` accepts.
    func lenientInt64(forKey key: Key) throws -> Int64 {
        guard let value = try lenientInt64IfPresent(forKey: key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "missing \"\(key.stringValue)\"")
            )
        }
        return value
    }

    /// A small integer (type, unit, attrib, …) in any shape `lenientInt64IfPresent` accepts; nil when absent.
    func lenientIntIfPresent(forKey key: Key) throws -> Int? {
        guard let value = try lenientInt64IfPresent(forKey: key) else { return nil }
        guard let small = Int(exactly: value) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath + [key], debugDescription: "integer out of range")
            )
        }
        return small
    }

    /// A small integer that must be present.
    func lenientInt(forKey key: Key) throws -> Int {
        guard let value = try lenientIntIfPresent(forKey: key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "missing \"\(key.stringValue)\"")
            )
        }
        return value
    }

    /// A flag written as `true`/`false` or as a number (non-zero is true); false when absent or null.
    func lenientBool(forKey key: Key) throws -> Bool {
        do { return try decodeIfPresent(Bool.self, forKey: key) ?? false } catch {}
        if let number = try? decode(Double.self, forKey: key) { return number != 0 }
        if let string = try? decode(String.self, forKey: key) {
            return string == "true" || (Double(string).map { $0 != 0 } ?? false)
        }
        throw DecodingError.typeMismatch(
            Bool.self, .init(codingPath: codingPath + [key], debugDescription: "expected a flag")
        )
    }

    /// A string, or a number written as its decimal text (device ids); nil when absent or null.
    func lenientStringIfPresent(forKey key: Key) throws -> String? {
        do { return try decodeIfPresent(String.self, forKey: key) } catch {}
        if let number = try? decode(Int64.self, forKey: key) { return String(number) }
        throw DecodingError.typeMismatch(
            String.self, .init(codingPath: codingPath + [key], debugDescription: "expected a string")
        )
    }

    /// A number when the value is one; nil for null, strings, bools, objects and arrays (never throws for them).
    func numberIfPresent(forKey key: Key) -> Double? {
        // Bools are not numbers here: JSONDecoder refuses to read `true` as Double, which is what we want.
        try? decodeIfPresent(Double.self, forKey: key)
    }
}

extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// Every numeric value of this object by key, skipping nulls, strings, bools, objects and arrays
    /// and any key in `excluding`.
    func numericFields(excluding excluded: Set<String> = []) -> [String: Double] {
        var fields: [String: Double] = [:]
        fields.reserveCapacity(allKeys.count)
        for key in allKeys where !excluded.contains(key.stringValue) {
            if let number = numberIfPresent(forKey: key) { fields[key.stringValue] = number }
        }
        return fields
    }
}
