/// The decoded rules of one time zone: a table of transitions to local time types, then an optional POSIX rule
/// for instants from the last transition on.
public struct ZoneRules: Sendable, Hashable {
    /// The transition instants in epoch seconds, strictly ascending.
    public let transitions: [Int64]
    /// For each transition, the index in `types` of the local time type that starts at it.
    public let transitionTypes: [Int]
    /// The local time types; the first one also applies before the first transition. Never empty.
    public let types: [LocalTimeType]
    /// The rule for instants from the last transition on (for every instant when there are no transitions).
    public let footer: PosixTimeZoneRule?

    /// UTC, always at offset zero.
    public static let utc = ZoneRules(fixedOffset: 0, abbreviation: "UTC")

    /// The instants computed with; others are clamped to it (about ±34,000 years) so the calendar arithmetic
    /// can never overflow.
    static let supportedRange: ClosedRange<Int64> = -(1 << 40)...(1 << 40)

    /// A zone that is always `fixedOffset` seconds east of UTC.
    public init(fixedOffset: Int, abbreviation: String? = nil) {
        self.init(
            transitions: [], transitionTypes: [],
            types: [LocalTimeType(utcOffset: fixedOffset, isDaylightSaving: false, abbreviation: abbreviation)],
            footer: nil)
    }

    /// A zone that follows a POSIX TZ rule at every instant.
    public init(rule: PosixTimeZoneRule) {
        let standard = LocalTimeType(
            utcOffset: rule.standardOffset, isDaylightSaving: false, abbreviation: rule.standardAbbreviation)
        self.init(transitions: [], transitionTypes: [], types: [standard], footer: rule)
    }

    /// Creates rules from checked parts: as many types as transitions, indices in range, instants ascending.
    init(transitions: [Int64], transitionTypes: [Int], types: [LocalTimeType], footer: PosixTimeZoneRule?) {
        self.transitions = transitions
        self.transitionTypes = transitionTypes
        self.types = types
        self.footer = footer
    }

    /// The UTC offset in seconds at an instant.
    public func utcOffset(at epochSeconds: Int64) -> Int {
        let instant = Self.clamped(epochSeconds)
        if let footer, transitions.last.map({ instant >= $0 }) ?? true {
            return footer.utcOffset(at: instant)
        }
        let passed = transitionsPassed(by: instant)
        return types[passed == 0 ? 0 : transitionTypes[passed - 1]].utcOffset
    }

    /// The first instant after `epochSeconds` at which the table or the footer rule changes the local time type;
    /// nil when nothing changes any more.
    public func nextTransition(after epochSeconds: Int64) -> Int64? {
        let instant = Self.clamped(epochSeconds)
        let passed = transitionsPassed(by: instant)
        if passed < transitions.count { return transitions[passed] }
        return footer?.nextTransition(after: instant)
    }

    /// The local calendar date at an instant.
    public func localDate(at epochSeconds: Int64) -> CivilDate {
        let instant = Self.clamped(epochSeconds)
        return CivilDate(daysSinceEpoch: CivilDate.daysSinceEpoch(containing: instant + Int64(utcOffset(at: instant))))
    }

    /// The instant the local day after the one containing `epochSeconds` begins: its local midnight, or, when
    /// the clocks skip that midnight, the transition that skips it (as Foundation's `Calendar` has it).
    public func startOfNextDay(after epochSeconds: Int64) -> Int64 {
        let instant = Self.clamped(epochSeconds)
        var offset = Int64(utcOffset(at: instant))
        let midnight = (CivilDate.daysSinceEpoch(containing: instant + offset) + 1) * 86400
        var segmentStart = instant
        // Walk the stretches of constant offset until local time first reaches the midnight.
        for _ in 0..<16 {
            guard let next = nextTransition(after: segmentStart), next <= midnight - offset else { break }
            offset = Int64(utcOffset(at: next))
            if next + offset >= midnight { return next }
            segmentStart = next
        }
        return midnight - offset
    }

    /// `value` limited to the instants these rules compute with.
    static func clamped(_ value: Int64) -> Int64 {
        min(max(value, supportedRange.lowerBound), supportedRange.upperBound)
    }

    // How many transitions are at or before the instant.
    private func transitionsPassed(by instant: Int64) -> Int {
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
