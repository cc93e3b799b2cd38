/// The latest-value rules: which reading of each kind the bridge shows. Pure functions over decoded data.
public enum LatestValues {
    /// Folds `groups` into `existing`: per (type, position) the newest `date` wins.
    ///
    /// Ties on `date` go to the newer `modified` (else `created`), then the larger group id; a group from
    /// `groups` also beats an `existing` value with the same date, because it was changed since that value was
    /// stored (incremental polls ask for changes since the last cursor). Groups the `rules` reject are skipped;
    /// positions 6/7 fold to nil; unknown types, attribs and positions are kept. Keys are never removed.
    public static func mergeMeasures(
        _ groups: [MeasureGroup], into existing: [MeasureKey: LatestMeasure] = [:], rules: MeasureRules = MeasureRules()
    ) -> [MeasureKey: LatestMeasure] {
        // The newest group per key in one pass, as the last writer of a stable oldest-first sort would be,
        // without sorting 23k groups or building a LatestMeasure for every value that is later overwritten.
        var newest = NewestMeasures()
        for groupIndex in groups.indices where rules.accepts(groups[groupIndex]) {
            for measureIndex in groups[groupIndex].measures.indices {
                let measure = groups[groupIndex].measures[measureIndex]
                let key = MeasureKey(type: measure.type, position: MeasureRules.normalizedPosition(measure.position))
                newest.offer(key, group: groupIndex, measure: measureIndex, of: groups)
            }
        }
        var result = existing
        for (key, winner) in zip(newest.keys, newest.winners) {
            let group = groups[winner.group]
            // A stored value measured later than anything new is kept (the newest wins, whichever call saw it).
            if let current = result[key], current.date > group.date { continue }
            result[key] = LatestMeasure(
                value: group.measures[winner.measure].realValue, date: group.date,
                attrib: MeasureRules.normalizedAttrib(group.attrib), groupID: group.groupID,
                deviceID: group.deviceID, model: group.model
            )
        }
        return result
    }

    /// The main sleep to show: among `current` and `summaries`, those with the latest `date`, and of them the
    /// longest (`endDate − startDate`); ties go to the later end, then the later `modified`.
    ///
    /// Why: Withings dates a night by the day it ends, so a nap taken that afternoon carries the same date as
    /// the night but is shorter; picking the longest within the newest date keeps the night, and the next
    /// night (dated the next day) replaces it. A nap only shows on a day without any recorded night.
    public static func mainSleep(current: SleepSummary?, summaries: [SleepSummary]) -> SleepSummary? {
        var best = current
        for candidate in summaries {
            guard let incumbent = best else {
                best = candidate
                continue
            }
            if isPreferredSleep(candidate, over: incumbent) { best = candidate }
        }
        return best
    }

    /// The activity row for `today` (`YYYY-MM-DD` in the account's time zone): the newest-modified row of that
    /// date among `rows`, else `current` when it is still today's, else nil (a new day shows nothing yet).
    public static func todaysActivity(today: String, rows: [ActivityDay], current: ActivityDay? = nil) -> ActivityDay? {
        var best = current?.date == today ? current : nil
        for row in rows where row.date == today {
            if let incumbent = best, (incumbent.modified ?? .min) > (row.modified ?? .min) { continue }
            best = row
        }
        return best
    }

    /// The workout with the latest `endDate` among `current` and `workouts`; ties go to the later `modified`.
    public static func lastWorkout(current: Workout?, workouts: [Workout]) -> Workout? {
        var best = current
        for candidate in workouts {
            guard let incumbent = best else {
                best = candidate
                continue
            }
            if candidate.endDate != incumbent.endDate {
                if candidate.endDate > incumbent.endDate { best = candidate }
            } else if (candidate.modified ?? .min) >= (incumbent.modified ?? .min) {
                best = candidate
            }
        }
        return best
    }

    /// Goals are shown as Withings gives them.
    public static func goals(_ goals: Goals) -> Goals { goals }

    /// Devices are shown as Withings lists them.
    public static func devices(_ devices: [Device]) -> [Device] { devices }

    private static func isPreferredSleep(_ candidate: SleepSummary, over incumbent: SleepSummary) -> Bool {
        // `YYYY-MM-DD` strings order like their dates.
        if candidate.date != incumbent.date { return candidate.date > incumbent.date }
        let candidateLength = candidate.endDate - candidate.startDate
        let incumbentLength = incumbent.endDate - incumbent.startDate
        if candidateLength != incumbentLength { return candidateLength > incumbentLength }
        if candidate.endDate != incumbent.endDate { return candidate.endDate > incumbent.endDate }
        return (candidate.modified ?? .min) >= (incumbent.modified ?? .min)
    }
}
