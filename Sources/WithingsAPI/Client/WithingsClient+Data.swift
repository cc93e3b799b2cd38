extension WithingsClient {
    /// Every measure group created or changed since `lastUpdate`, across all pages, and the next cursor.
    ///
    /// The cursor is the smallest `updatetime` Withings sent (its clock when the walk began), else the largest
    /// `modified` seen, and never moves backwards from `lastUpdate`.
    public func measureGroups(changedSince lastUpdate: Int64) async throws -> MeasureGroupsUpdate {
        var groups: [MeasureGroup] = []
        var walk = try await measureGroups(changedSince: lastUpdate) { page, _ in groups += page }
        walk.groups = groups
        return walk
    }

    /// The groups of a long page are handed to `body` this many at a time.
    public static let groupsPerSlice = 1000

    /// The same walk, handing the groups to `body` as they arrive instead of keeping them, a page (and a long
    /// page `groupsPerSlice` groups) at a time, so a decade of history is never in memory at once; `body` also
    /// learns whether more groups follow. The result carries the cursor and time zone, and no groups.
    nonisolated(nonsending) public func measureGroups(
        changedSince lastUpdate: Int64, inSlices body: (_ groups: [MeasureGroup], _ more: Bool) async throws -> Void
    ) async throws -> MeasureGroupsUpdate {
        var updateTime: Int64?
        var maxModified: Int64?
        var timezone: String?
        try await forEachPage(.measureGroups(changedSince: lastUpdate), as: MeasurePage.self) { page in
            // The walk's start, not its end: a group stored while later pages were fetched sits on a page
            // already read (newest first), so only a cursor from before the walk finds it next time.
            if let time = page.updateTime { updateTime = min(updateTime ?? time, time) }
            timezone = timezone ?? page.timezone
            // A long page is handed on in slices, so its decoded groups are never all in memory at once.
            for slice in page.slices(of: Self.groupsPerSlice) {
                let groups = try page.groups(slice)
                for group in groups {
                    if let modified = group.modified ?? group.created {
                        maxModified = max(maxModified ?? modified, modified)
                    }
                }
                try await body(groups, page.more || slice.upperBound < page.count)
            }
        }
        let cursor = max(lastUpdate, updateTime ?? maxModified ?? lastUpdate)
        return MeasureGroupsUpdate(groups: [], cursor: cursor, timezone: timezone)
    }

    /// Every measure group measured in `[start, end]` (epoch seconds), across all pages.
    public func measureGroups(from start: Int64, to end: Int64) async throws -> [MeasureGroup] {
        try await sendPaged(.measureGroups(from: start, to: end), of: MeasureGroup.self).flatMap(\.items)
    }

    /// Daily activity rows in `window` (changed since a time, or a range of days), across all pages.
    public func activity(_ window: FetchWindow) async throws -> [ActivityDay] {
        try await sendPaged(.activity(window), of: ActivityDay.self).flatMap(\.items)
    }

    /// Workouts in `window`, across all pages.
    public func workouts(_ window: FetchWindow) async throws -> [Workout] {
        try await sendPaged(.workouts(window), of: Workout.self).flatMap(\.items)
    }

    /// Sleep summaries (nights and naps) in `window`, across all pages.
    public func sleepSummaries(_ window: FetchWindow) async throws -> [SleepSummary] {
        try await sendPaged(.sleepSummaries(window), of: SleepSummary.self).flatMap(\.items)
    }

    /// The user's goals (all nil when none are set).
    public func goals() async throws -> Goals {
        try await send(.goals(), as: GoalsBody.self).goals
    }

    /// The user's devices.
    public func devices() async throws -> [Device] {
        try await send(.devices(), as: DevicesBody.self).devices
    }

    /// Subscribes `callbackURL` to `appli` notifications (Withings HEAD-checks the URL first; 293 if it fails).
    public func subscribe(callbackURL: String, appli: Int, comment: String? = nil) async throws {
        _ = try await send(.subscribe(callbackURL: callbackURL, appli: appli, comment: comment), as: EmptyBody.self)
    }

    /// The user's subscriptions, for one appli or all.
    public func subscriptions(appli: Int? = nil) async throws -> [NotificationSubscription] {
        try await send(.listSubscriptions(appli: appli), as: SubscriptionsBody.self).profiles
    }

    /// Removes the subscription of `callbackURL` for `appli`.
    public func revoke(callbackURL: String, appli: Int) async throws {
        _ = try await send(.revoke(callbackURL: callbackURL, appli: appli), as: EmptyBody.self)
    }
}
