extension MeasurePageScanner {
    /// One `measuregrps` element, as `MeasureGroup.init(from:)` decodes it.
    mutating func readGroup() throws(ScanMismatch) -> MeasureGroup {
        try reader.expect(UInt8(ascii: "{"))
        var groupID: Int64?
        var attrib: Int?
        var date: Int64?
        var created: Int64?
        var modified: Int64?
        var category: Int?
        var deviceID: String?
        var hashedDeviceID: String?
        var model: String?
        var modelID: Int?
        var measures: [Measure]?
        var seen = 0 as UInt16
        if !reader.closesAtOnce(UInt8(ascii: "}")) {
            repeat {
                let key = try reader.readKey()
                let field = Self.groupField(key, reader)
                // Unknown keys are skipped, and so are repeats: JSONDecoder keeps the first of duplicate keys.
                guard field != 0, seen & field == 0 else {
                    try reader.skipValue(depth: 4)
                    continue
                }
                seen |= field
                switch field {
                case 1 << 0: groupID = try reader.readLenientInt64()
                case 1 << 1: attrib = try reader.readLenientInt()
                case 1 << 2: date = try reader.readLenientInt64()
                case 1 << 3: created = try reader.readLenientInt64()
                case 1 << 4: modified = try reader.readLenientInt64()
                case 1 << 5: category = try reader.readLenientInt()
                case 1 << 6: deviceID = try reader.readLenientString(reusing: &recent.device)
                case 1 << 7:
                    // Read only when `deviceid` gives nothing, as the decoder does; skipped when already known.
                    if deviceID != nil {
                        try reader.skipValue(depth: 4)
                    } else {
                        hashedDeviceID = try reader.readLenientString(reusing: &recent.hashedDevice)
                    }
                case 1 << 8: model = try reader.readOptionalString(reusing: &recent.model)
                case 1 << 9: modelID = try reader.readLenientInt()
                default: measures = try readMeasures()
                }
            } while try reader.continues(before: UInt8(ascii: "}"))
        }
        guard let groupID, let date else { throw ScanMismatch() }
        return MeasureGroup(
            groupID: groupID, attrib: attrib ?? 0, date: date, created: created, modified: modified,
            category: category ?? 1, deviceID: deviceID ?? hashedDeviceID, model: model, modelID: modelID,
            measures: measures ?? [])
    }

    // The bit of a group member the decoder reads, 0 for others.
    private static func groupField(_ key: Range<Int>, _ reader: JSONByteReader) -> UInt16 {
        switch key.count {
        case 4: return reader.key(key, is: "date") ? 1 << 2 : 0
        case 5:
            if reader.key(key, is: "grpid") { return 1 << 0 }
            return reader.key(key, is: "model") ? 1 << 8 : 0
        case 6: return reader.key(key, is: "attrib") ? 1 << 1 : 0
        case 7:
            if reader.key(key, is: "created") { return 1 << 3 }
            return reader.key(key, is: "modelid") ? 1 << 9 : 0
        case 8:
            if reader.key(key, is: "modified") { return 1 << 4 }
            if reader.key(key, is: "category") { return 1 << 5 }
            if reader.key(key, is: "deviceid") { return 1 << 6 }
            return reader.key(key, is: "measures") ? 1 << 10 : 0
        case 13: return reader.key(key, is: "hash_deviceid") ? 1 << 7 : 0
        default: return 0
        }
    }

    // `measures`: an array of measure objects, or null for none.
    private mutating func readMeasures() throws(ScanMismatch) -> [Measure] {
        if try reader.readNull() { return [] }
        try reader.expect(UInt8(ascii: "["))
        if reader.closesAtOnce(UInt8(ascii: "]")) { return [] }
        scratch.removeAll(keepingCapacity: true)
        repeat {
            scratch.append(try readMeasure())
        } while try reader.continues(before: UInt8(ascii: "]"))
        // The index pass only checks the measures; their copy is made when the group is read for real.
        return groupStarts == nil ? Array(scratch[...]) : []
    }

    // One measure, as `Measure.init(from:)` decodes it.
    private mutating func readMeasure() throws(ScanMismatch) -> Measure {
        try reader.expect(UInt8(ascii: "{"))
        var value: Int64?
        var unit: Int?
        var type: Int?
        var position: Int?
        var seen = 0 as UInt8
        if !reader.closesAtOnce(UInt8(ascii: "}")) {
            repeat {
                let key = try reader.readKey()
                let field = Self.measureField(key, reader)
                guard field != 0, seen & field == 0 else {
                    try reader.skipValue(depth: 6)
                    continue
                }
                seen |= field
                switch field {
                case 1: value = try reader.readLenientInt64()
                case 2: unit = try reader.readLenientInt()
                case 4: type = try reader.readLenientInt()
                default: position = try reader.readLenientInt()
                }
            } while try reader.continues(before: UInt8(ascii: "}"))
        }
        guard let value, let type else { throw ScanMismatch() }
        return Measure(value: value, unit: unit ?? 0, type: type, position: position)
    }

    // The bit of a measure member the decoder reads, 0 for others.
    private static func measureField(_ key: Range<Int>, _ reader: JSONByteReader) -> UInt8 {
        switch key.count {
        case 4:
            if reader.key(key, is: "type") { return 4 }
            return reader.key(key, is: "unit") ? 2 : 0
        case 5: return reader.key(key, is: "value") ? 1 : 0
        case 8: return reader.key(key, is: "position") ? 8 : 0
        default: return 0
        }
    }
}
