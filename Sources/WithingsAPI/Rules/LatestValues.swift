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
        // Oldest first, so later entries overwrite: the newest wins without comparing pairs.
        let ordered = groups.filter(rules.accepts).sorted { lhs, rhs in
            if lhs.date != rhs.date { return lhs.date < rhs.date }
            let lhsChanged = lhs.modified ?? lhs.created ?? 0
            let rhsChanged = rhs.modified ?? rhs.created ?? 0
            if lhsChanged != rhsChanged { return lhsChanged < rhsChanged }
            return lhs.groupID < rhs.groupID
        }
        var result = existing
        for group in ordered {
            let attrib = MeasureRules.normalizedAttrib(group.attrib)
            for measure in group.measures {
                let key = MeasureKey(type: measure.type, position: MeasureRules.normalizedPosition(measure.position))
                if let current = result[key], current.date > group.date { continue }
                result[key] = LatestMeasure(
                    value: measure.realValue, date: group.date, attrib: attrib, groupID: group.groupID,
                    deviceID: group.deviceID, model: group.model
                )
            }
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
