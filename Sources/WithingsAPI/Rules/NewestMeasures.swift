/// For each measure key, the group and measure of a list that hold its newest value so far.
///
/// The bookkeeping of `LatestValues.mergeMeasures`: one pass over the groups in list order instead of sorting them,
/// with a direct table for the common keys (no position, small type) so most lookups need no hashing.
struct NewestMeasures {
    /// The keys seen, in the order they were first seen.
    private(set) var keys: [MeasureKey] = []
    /// For each entry of `keys`, the index of the winning group and of the measure within it.
    private(set) var winners: [(group: Int, measure: Int)] = []
    // Slot + 1 of the key (type, no position) for types 0..<256; 0 for none.
    private var slotByType = [Int32](repeating: 0, count: 256)
    private var slotByKey: [MeasureKey: Int] = [:]

    /// Offers measure `measure` of `groups[group]` for `key`; it wins when its group sorts at or after the
    /// current winner's (date, then modified or created, then group id; a later list position breaks ties).
    @inline(__always)
    mutating func offer(_ key: MeasureKey, group: Int, measure: Int, of groups: [MeasureGroup]) {
        guard let slot = slot(for: key) else {
            remember(key, slot: keys.count)
            keys.append(key)
            winners.append((group, measure))
            return
        }
        let current = winners[slot].group
        if current == group || !Self.sorts(groups[group], before: groups[current]) {
            winners[slot] = (group, measure)
        }
    }

    /// Whether `lhs` sorts strictly before `rhs` by date, then modified (else created), then group id.
    static func sorts(_ lhs: MeasureGroup, before rhs: MeasureGroup) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        let lhsChanged = lhs.modified ?? lhs.created ?? 0
        let rhsChanged = rhs.modified ?? rhs.created ?? 0
        if lhsChanged != rhsChanged { return lhsChanged < rhsChanged }
        return lhs.groupID < rhs.groupID
    }

    @inline(__always)
    private func slot(for key: MeasureKey) -> Int? {
        if key.position == nil, key.type >= 0, key.type < 256 {
            let stored = Int(slotByType[key.type])
            return stored == 0 ? nil : stored - 1
        }
        return slotByKey[key]
    }

    private mutating func remember(_ key: MeasureKey, slot: Int) {
        if key.position == nil, key.type >= 0, key.type < 256 {
            slotByType[key.type] = Int32(slot + 1)
        } else {
            slotByKey[key] = slot
        }
    }
}
