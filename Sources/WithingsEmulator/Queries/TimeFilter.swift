/// The date constraints of a data request: an epoch or day range and/or a "changed since" time.
struct TimeFilter: Sendable, Equatable {
    /// Inclusive epoch range on an item's `date` (getmeas `startdate`/`enddate`).
    var epochRange: ClosedRange<Int64>?
    /// Inclusive `YYYY-MM-DD` range on an item's `date` (`startdateymd`/`enddateymd`).
    var dayRange: ClosedRange<String>?
    /// Only items with `modified` greater than this (`lastupdate`).
    var changedSince: Int64?

    /// Reads `startdate`/`enddate` and `lastupdate` (getmeas).
    static func epochs(_ parameters: FormParameters) -> Result<TimeFilter, WithingsFailure> {
        var filter = TimeFilter()
        switch (parameters.integer("startdate"), parameters.integer("enddate")) {
        case (nil, nil): break
        case (let start?, let end?):
            guard start <= end else { return .failure(.invalidParams("startdate is after enddate")) }
            filter.epochRange = start...end
        default: return .failure(.invalidParams("startdate and enddate must be given together"))
        }
        return lastUpdate(parameters, into: filter)
    }

    /// Reads `startdateymd`/`enddateymd` and `lastupdate` (getactivity, getworkouts, getsummary).
    static func days(_ parameters: FormParameters) -> Result<TimeFilter, WithingsFailure> {
        var filter = TimeFilter()
        switch (parameters["startdateymd"], parameters["enddateymd"]) {
        case (nil, nil): break
        case (let start?, let end?):
            guard isDay(start), isDay(end) else { return .failure(.invalidParams("dates must be YYYY-MM-DD")) }
            guard start <= end else { return .failure(.invalidParams("startdateymd is after enddateymd")) }
            filter.dayRange = start...end
        default: return .failure(.invalidParams("startdateymd and enddateymd must be given together"))
        }
        return lastUpdate(parameters, into: filter)
    }

    /// Whether an item passes the filter.
    func admits(_ item: JSONValue) -> Bool {
        if let changedSince, (item["modified"]?.intValue ?? 0) <= changedSince { return false }
        if let epochRange, !epochRange.contains(item["date"]?.intValue ?? Int64.min) { return false }
        if let dayRange, !dayRange.contains(item["date"]?.stringValue ?? "") { return false }
        return true
    }

    private static func lastUpdate(
        _ parameters: FormParameters, into filter: TimeFilter
    ) -> Result<TimeFilter, WithingsFailure> {
        guard let text = parameters["lastupdate"] else { return .success(filter) }
        guard let value = Int64(text) else { return .failure(.invalidParams("lastupdate must be epoch seconds")) }
        var filter = filter
        filter.changedSince = value
        return .success(filter)
    }

    private static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
