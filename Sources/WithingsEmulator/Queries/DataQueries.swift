import Foundation

/// The read-only Withings data actions as pure functions of a user's data and the request parameters.
public enum DataQueries {
    /// `/measure action=getmeas`: groups newest first, filtered by type, category, dates or lastupdate.
    public static func getmeas(
        user: EmulatorUser, parameters: FormParameters, now: Int64, pageSize: Int
    ) -> Result<JSONValue, WithingsFailure> {
        let filter: TimeFilter
        switch TimeFilter.epochs(parameters) {
        case .success(let value): filter = value
        case .failure(let failure): return .failure(failure)
        }
        var types: Set<Int64>?
        if let list = parameters["meastypes"] ?? parameters["meastype"] {
            let parsed = list.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
            guard !parsed.isEmpty else { return .failure(.invalidParams("meastype must be a number or a comma list")) }
            types = Set(parsed)
        }
        let category = parameters.integer("category")
        if let category, category != 1, category != 2 {
            return .failure(.invalidParams("category must be 1 (real) or 2 (objectives)"))
        }
        var matching: [JSONValue] = []
        for group in user.measureGroups where filter.admits(group) {
            if let category, (group["category"]?.intValue ?? 1) != category { continue }
            guard let types else {
                matching.append(group)
                continue
            }
            let measures = (group["measures"]?.arrayValue ?? []).filter { types.contains($0["type"]?.intValue ?? -1) }
            if !measures.isEmpty { matching.append(group.setting("measures", to: .array(measures))) }
        }
        let page = Page(matching, parameters: parameters, size: pageSize)
        return .success([
            "updatetime": .int(now), "timezone": .string(user.timezone), "measuregrps": .array(page.items),
            "more": .int(page.more ? 1 : 0), "offset": .int(Int64(page.nextOffset)),
        ])
    }

    /// `/v2/measure action=getactivity`: one row per day, oldest first; `data_fields` limits the value fields.
    public static func getactivity(
        user: EmulatorUser, parameters: FormParameters, pageSize: Int
    ) -> Result<JSONValue, WithingsFailure> {
        days(
            user.activities, parameters: parameters, pageSize: pageSize, listKey: "activities",
            order: {
                ($0["date"]?.stringValue ?? "") < ($1["date"]?.stringValue ?? "")
            }
        ) { row, fields in
            guard case .object(let members) = row else { return row }
            return .object(members.filter { activityMetadata.contains($0.key) || fields.contains($0.key) })
        }
    }

    /// `/v2/measure action=getworkouts`: workouts by start, oldest first; `data_fields` limits `data`.
    public static func getworkouts(
        user: EmulatorUser, parameters: FormParameters, pageSize: Int
    ) -> Result<JSONValue, WithingsFailure> {
        days(
            user.workouts, parameters: parameters, pageSize: pageSize, listKey: "series",
            order: {
                ($0["startdate"]?.intValue ?? 0) < ($1["startdate"]?.intValue ?? 0)
            }, limit: limitData)
    }

    /// `/v2/sleep action=getsummary`: nights newest first, as Withings answers; `data_fields` limits `data`.
    public static func getsummary(
        user: EmulatorUser, parameters: FormParameters, pageSize: Int
    ) -> Result<JSONValue, WithingsFailure> {
        days(
            user.sleepSummaries, parameters: parameters, pageSize: pageSize, listKey: "series",
            order: {
                ($0["startdate"]?.intValue ?? 0) > ($1["startdate"]?.intValue ?? 0)
            }, limit: limitData)
    }

    /// `/v2/user action=getgoals`.
    public static func getgoals(user: EmulatorUser) -> JSONValue {
        ["goals": user.goals]
    }

    /// `/v2/user action=getdevice`.
    public static func getdevice(user: EmulatorUser) -> JSONValue {
        ["devices": .array(user.devices)]
    }

    // Fields of an activity row that are not values and so survive any `data_fields` selection.
    private static let activityMetadata: Set<String> = [
        "date", "modified", "timezone", "deviceid", "hash_deviceid", "brand", "is_tracker", "model", "modelid",
    ]

    private static func limitData(_ item: JSONValue, _ fields: Set<String>) -> JSONValue {
        guard case .object(let data)? = item["data"] else { return item }
        return item.setting("data", to: .object(data.filter { fields.contains($0.key) }))
    }

    private static func days(
        _ items: [JSONValue], parameters: FormParameters, pageSize: Int, listKey: String,
        order: (JSONValue, JSONValue) -> Bool, limit: (JSONValue, Set<String>) -> JSONValue
    ) -> Result<JSONValue, WithingsFailure> {
        let filter: TimeFilter
        switch TimeFilter.days(parameters) {
        case .success(let value): filter = value
        case .failure(let failure): return .failure(failure)
        }
        let fields = parameters["data_fields"].map {
            Set($0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
        }
        let sorted = items.filter(filter.admits).sorted(by: order)
        let page = Page(sorted, parameters: parameters, size: pageSize)
        let shown = fields.map { fields in page.items.map { limit($0, fields) } } ?? page.items
        return .success([listKey: .array(shown), "more": .bool(page.more), "offset": .int(Int64(page.nextOffset))])
    }
}
