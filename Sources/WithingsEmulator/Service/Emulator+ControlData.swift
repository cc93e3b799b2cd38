import Foundation

extension Emulator {
    /// Adds a measure group (`type`/`value`/`unit` or a `measures` list) with `modified` = now.
    func addMeasurement(_ input: JSONValue) -> Result<JSONValue, ControlError> {
        let user: EmulatorUser
        switch resolveUser(input) {
        case .success(let found): user = found
        case .failure(let error): return .failure(error)
        }
        var measures: [JSONValue] = []
        let specs = input["measures"]?.arrayValue ?? [input]
        for spec in specs {
            guard let type = spec["type"]?.intValue else {
                return .failure(.invalid("each measurement needs 'type' (Withings meastype, e.g. 1 for weight)"))
            }
            guard let (value, unit) = Self.scaled(spec["value"], unit: spec["unit"]?.intValue) else {
                return .failure(
                    .invalid("each measurement needs a numeric 'value' (and optionally 'unit', a power of ten)"))
            }
            var measure: [String: JSONValue] = ["type": .int(type), "value": .int(value), "unit": .int(unit)]
            if let position = spec["position"]?.intValue { measure["position"] = .int(position) }
            measures.append(.object(measure))
        }
        let now = nowEpoch
        let device =
            input["deviceid"]?.stringValue
            ?? user.devices.first { $0["type"]?.stringValue == "Scale" }?["deviceid"]?.stringValue
        let group: JSONValue = state.withLock { state in
            let group: JSONValue = [
                "grpid": .int(state.makeItemID()), "attrib": .int(input["attrib"]?.intValue ?? 0),
                "date": .int(input["date"]?.intValue ?? now), "created": .int(now), "modified": .int(now),
                "category": .int(input["category"]?.intValue ?? 1),
                "deviceid": device.map(JSONValue.string) ?? .null,
                "hash_deviceid": device.map(JSONValue.string) ?? .null,
                "measures": .array(measures), "comment": .null, "timezone": .string(user.timezone),
            ]
            if let index = state.userIndex(user.userID) { state.users[index].insertMeasureGroup(group) }
            return group
        }
        return .success(["userid": .int(user.userID), "group": group])
    }

    /// Adds a sleep summary (defaults: last night ending now, typical values) with `modified` = now.
    func addSleepSummary(_ input: JSONValue) -> Result<JSONValue, ControlError> {
        resolveUser(input).map { user in
            let now = nowEpoch
            let end = input["enddate"]?.intValue ?? now
            let start = input["startdate"]?.intValue ?? end - 8 * 3600
            var data = HistoryGenerator.typicalSleepData(durationInBed: end - start)
            for (key, value) in input["data"]?.objectValue ?? [:] { data[key] = value }
            let mat = user.devices.first { $0["type"]?.stringValue == "Sleep Monitor" }
            return state.withLock { state -> JSONValue in
                let summary: JSONValue = [
                    "id": .int(state.makeItemID()), "timezone": .string(user.timezone), "model": 32,
                    "model_id": mat?["model_id"] ?? 63, "hash_deviceid": mat?["hash_deviceid"] ?? .null,
                    "startdate": .int(start), "enddate": .int(end),
                    "date": .string(
                        input["date"]?.stringValue ?? CalendarDay.string(epoch: end, timezone: user.timezone)),
                    "data": .object(data), "created": .int(now), "modified": .int(now),
                ]
                if let index = state.userIndex(user.userID) { state.users[index].sleepSummaries.append(summary) }
                return ["userid": .int(user.userID), "summary": summary]
            }
        }
    }

    /// Sets activity fields for a day (default today in the user's zone), creating the row if needed.
    func upsertActivity(_ input: JSONValue) -> Result<JSONValue, ControlError> {
        resolveUser(input).map { user in
            let now = nowEpoch
            let day = input["date"]?.stringValue ?? CalendarDay.string(epoch: now, timezone: user.timezone)
            let given = (input["data"]?.objectValue ?? input.objectValue ?? [:])
                .filter { !["userid", "user", "date", "data"].contains($0.key) }
            return state.withLock { state -> JSONValue in
                guard let index = state.userIndex(user.userID) else { return .null }
                var activities = state.users[index].activities
                let existing = activities.firstIndex { $0["date"]?.stringValue == day }
                var row =
                    existing.map { activities[$0].objectValue ?? [:] }
                    ?? HistoryGenerator.emptyActivityRow(day: day, timezone: user.timezone, devices: user.devices)
                for (key, value) in given { row[key] = value }
                row["modified"] = .int(now)
                if let existing { activities[existing] = .object(row) } else { activities.append(.object(row)) }
                state.users[index].activities = activities
                return ["userid": .int(user.userID), "activity": .object(row)]
            }
        }
    }

    /// Turns a decimal value into Withings' integer value and power-of-ten unit (72.35 -> 7235, -2).
    static func scaled(_ value: JSONValue?, unit: Int64?) -> (Int64, Int64)? {
        switch value {
        case .int(let whole)?: return (whole, unit ?? 0)
        case .double(let number)? where number.isFinite:
            if let unit { return (Int64((number).rounded()), unit) }
            var scaled = number
            var exponent: Int64 = 0
            while abs(scaled - scaled.rounded()) > 1e-7 * max(1, abs(scaled)), exponent > -6 {
                scaled *= 10
                exponent -= 1
            }
            return (Int64(scaled.rounded()), exponent)
        case .string(let text)?:
            return Double(text).flatMap { scaled(.double($0), unit: unit) }
        default: return nil
        }
    }
}
