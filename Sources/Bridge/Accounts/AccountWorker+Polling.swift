import Logging
import MQTTDiscovery
import WithingsAPI

extension AccountWorker {
    /// Fetches `categories`, merges them, persists, and publishes every state. Returns whether all succeeded.
    func poll(_ categories: Set<DataCategory>) async -> Bool {
        await bindUser()
        guard state.userID != nil else {
            await setOnline(false)
            return false
        }
        var succeeded = true
        for category in DataCategory.allCases where categories.contains(category) {
            do {
                let since = state.cursors[category]
                let items = try await fetch(category)
                logger.debug(
                    "fetched",
                    metadata: [
                        "withings.category": "\(category)", "withings.items": "\(items)",
                        "withings.lastupdate": "\(since.map(String.init) ?? "-")",
                        "withings.cursor": "\(state.cursors[category].map(String.init) ?? "-")",
                    ])
            } catch {
                succeeded = false
                await record(error, category: category)
                if error is AuthorizationRequired { break }
            }
        }
        if succeeded, categories.isSuperset(of: PollScheduler.cycle) {
            state.lastPoll = deps.now()
        }
        await setOnline(await deps.tokens.state == .authorized)
        persist()
        await publishEverything()
        return succeeded
    }

    /// Learns the Withings user id from the stored token the first time.
    func bindUser() async {
        guard state.userID == nil, let userID = await deps.tokens.userID else { return }
        state.userID = userID
        snapshot.userID = userID
        if let owner = unconfirmedBedOwner, owner != userID {
            // The bed file was another person's (see `AccountState.applying`): they were never this user's.
            snapshot.bed = nil
            snapshot.bedByDevice = [:]
            state.bed = nil
            state.bedByDevice = [:]
        }
        unconfirmedBedOwner = nil
        persist()
    }

    /// Fetches one category into the snapshot and moves its cursor; returns how many items Withings sent.
    private func fetch(_ category: DataCategory) async throws -> Int {
        let cursor = state.cursors[category]
        let initial = cursor == nil
        switch category {
        case .measures:
            // Merged a slice at a time (a page, or 1,000 groups of a long one): a decade of history is never in
            // memory at once. A walk that fails half-way leaves real values merged and the cursor where it was, so
            // the next walk reads them again.
            var count = 0
            var changed: [MeasureGroup] = []
            let update = try await deps.client.measureGroups(changedSince: cursor ?? 0) { groups, more in
                count += groups.count
                snapshot.measures = LatestValues.mergeMeasures(
                    groups, into: snapshot.measures, rules: settings.measureRules)
                noteUnknownMeasures(in: groups)
                if !initial { changed += groups.filter(settings.measureRules.accepts) }
                // A long history's first walk is paced by the rate limit (a decade at 200 per page: a minute);
                // the newest page already holds the current weight and most other values, so show them now.
                if initial, more, count == groups.count { await publishEverything() }
            }
            let fresh = changed.sorted { $0.date < $1.date }.filter { firstSeen("m\($0.groupID):\($0.modified ?? 0)") }
            await emit(fresh.map { deps.events.measureGroup($0) })
            state.cursors[.measures] = max(update.cursor - Self.cursorOverlap, cursor ?? 0)
            return count
        case .sleep:
            let nights = try await rows(since: cursor, recentDays: Self.recentDays, orWholeHistory: true) {
                try await self.deps.client.sleepSummaries($0)
            }
            snapshot.sleep = LatestValues.mainSleep(current: snapshot.sleep, summaries: nights)
            if !initial {
                let fresh = nights.filter { firstSeen("s\($0.id ?? $0.startDate):\($0.modified ?? 0)") }
                await emit(fresh.sorted { $0.endDate < $1.endDate }.map { deps.events.sleep($0) })
            }
            state.cursors[.sleep] = Self.cursor(
                after: cursor ?? firstCursorFloor, modified: nights.map { $0.modified })
            return nights.count
        case .activity:
            let days = try await rows(since: cursor, recentDays: settings.activityDaysKept, orWholeHistory: false) {
                try await self.deps.client.activity($0)
            }
            mergeActivity(days)
            state.cursors[.activity] = Self.cursor(
                after: cursor ?? firstCursorFloor, modified: days.map { $0.modified })
            return days.count
        case .workouts:
            let workouts = try await rows(since: cursor, recentDays: Self.recentDays, orWholeHistory: true) {
                try await self.deps.client.workouts($0)
            }
            snapshot.lastWorkout = LatestValues.lastWorkout(current: snapshot.lastWorkout, workouts: workouts)
            if !initial {
                let fresh = workouts.filter { firstSeen("w\($0.id ?? $0.startDate):\($0.modified ?? 0)") }
                await emit(fresh.sorted { $0.endDate < $1.endDate }.map { deps.events.workout($0) })
            }
            state.cursors[.workouts] = Self.cursor(
                after: cursor ?? firstCursorFloor, modified: workouts.map { $0.modified })
            return workouts.count
        case .goals:
            snapshot.goals = try await deps.client.goals()
            return 1
        case .devices:
            snapshot.devices = try await deps.client.devices()
            return snapshot.devices.count
        }
    }

    /// Where a day-based cursor starts after the first (windowed) fetch when it saw nothing newer: a day back,
    /// so rows older than the window are not read again, with room for Withings' clock being behind ours.
    var firstCursorFloor: Int64 { deps.now() - 86_400 }

    /// Days the first fetch of sleep and workouts asks for before falling back to the whole history.
    static let recentDays = 31

    /// The rows of a day-based category changed since `cursor`; on the first fetch (no cursor) only the last
    /// `recentDays` days: only the newest rows decide the states, and a decade of nights is 19 pages (and
    /// seconds of decoding) under the rate limit. When those days hold nothing and `orWholeHistory`, the whole
    /// history is read instead, so a mat or watch unused for months still shows its last night or workout.
    private func rows<Row: Sendable>(
        since cursor: Int64?, recentDays: Int, orWholeHistory: Bool,
        _ load: (FetchWindow) async throws -> [Row]
    ) async throws -> [Row] {
        if let cursor { return try await load(.changedSince(cursor)) }
        let from = deps.calendar.day(of: deps.now() - Int64(max(1, recentDays) - 1) * 86_400)
        let recent = try await load(.days(from: from, to: deps.calendar.day(of: deps.now())))
        guard recent.isEmpty, orWholeHistory else { return recent }
        return try await load(.changedSince(0))
    }

    /// Seconds the next `lastupdate` reaches back: Withings returns items modified strictly after it with
    /// one-second resolution, so an item stored later in the same second as the cursor would otherwise be
    /// missed for good. Items seen twice merge idempotently; `firstSeen` keeps their events from repeating.
    static let cursorOverlap: Int64 = 1

    /// The next `lastupdate`: the newest `modified` seen less the overlap, never moving backwards.
    static func cursor(after previous: Int64?, modified: [Int64?]) -> Int64 {
        max(previous ?? 0, (modified.compactMap { $0 }.max() ?? 0) - cursorOverlap)
    }

    /// Logs each measure type (and position) the catalog does not know, once per run: it is published as a
    /// generic `measure_<type>` entity, and the log line is how a new Withings type gets noticed and named.
    func noteUnknownMeasures(in groups: [MeasureGroup]) {
        for group in groups {
            for measure in group.measures {
                let key = MeasureKey(type: measure.type, position: MeasureRules.normalizedPosition(measure.position))
                let entity = EntityCatalog.entity(for: key)
                guard entity == EntityCatalog.generic(for: key), loggedUnknownMeasures.insert(key).inserted else {
                    continue
                }
                logger.notice(
                    "unknown measure type published as \(entity.key)",
                    metadata: [
                        "measure.type": "\(measure.type)",
                        "measure.position": "\(key.position.map(String.init) ?? "-")",
                    ])
            }
        }
    }

    /// Whether an item's event key is new; remembers the last few thousand keys.
    func firstSeen(_ key: String) -> Bool {
        guard seenEventKeys.insert(key).inserted else { return false }
        seenEventOrder.append(key)
        if seenEventOrder.count > 4096 { seenEventKeys.remove(seenEventOrder.removeFirst()) }
        return true
    }

    private func mergeActivity(_ rows: [ActivityDay]) {
        var byDate: [String: ActivityDay] = [:]
        for row in recentActivity { byDate[row.date] = row }
        for row in rows { byDate[row.date] = row }
        recentActivity = byDate.keys.sorted().suffix(settings.activityDaysKept).compactMap { byDate[$0] }
        snapshot.activity = LatestValues.todaysActivity(today: today, rows: recentActivity)
    }

    /// At local midnight "today" changes: yesterday's steps must not show as today's.
    func rollOverDayIfNeeded() async {
        let day = deps.calendar.day(of: deps.now())
        guard day != today else { return }
        today = day
        snapshot.activity = LatestValues.todaysActivity(today: today, rows: recentActivity)
        await publishEverything()
    }

    private func record(_ error: any Error, category: DataCategory) async {
        let kind: String
        let message: String
        switch error {
        case let error as WithingsError:
            kind = error.family.map { "\($0)" } ?? "other"
            message = error.message(account: settings.account)
        case let error as AuthorizationRequired:
            kind = "auth"
            message = error.description
            await setOnline(false)
        case let error as TransportError:
            kind = "transport"
            message = error.message
        default:
            kind = "other"
            message = "\(error)"
        }
        apiErrors[kind, default: 0] += 1
        lastError = message
        logger.warning("\(message)", metadata: ["poll.category": "\(category.rawValue)", "error.kind": "\(kind)"])
    }

    /// Queues the state file's next write (`WriteBehindStore`); a failure is logged and retried with the next
    /// change, never fatal.
    func persist() {
        state.store(snapshot, recentActivity: recentActivity)
        stateWriter.submit(state)
    }

    /// Saves a bed event to the bed file: only the bed states change, so the stored values are not rebuilt from
    /// the snapshot (values merged by a poll still in flight are saved with their cursor when it ends), and the
    /// state file gets them with its next write. `written` is called once the event is on disk.
    func persistBed(written: @escaping @Sendable () -> Void) {
        state.bed = snapshot.bed
        state.bedByDevice = snapshot.bedByDevice
        bedWriter.submit(state.bedRecord, written: written)
    }
}
