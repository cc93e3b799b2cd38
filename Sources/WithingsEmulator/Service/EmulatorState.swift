/// Everything the emulator remembers; guarded by a mutex inside ``Emulator``.
struct EmulatorState: Sendable {
    /// Users in the order given at start-up (authorisations cycle through them).
    var users: [EmulatorUser]
    /// OAuth codes and tokens.
    var tokens = TokenBook()
    /// Notify subscriptions in creation order.
    var subscriptions: [Subscription] = []
    /// Pending faults, applied in order.
    var faults: [FaultRule] = []
    /// Request counts.
    var counters = RequestCounters()
    /// How many authorisations without `userid` were served (picks the next user).
    var authorizations = 0
    /// Items per page.
    var pageSize: Int
    /// The next id for items added through control endpoints.
    var nextItemID: Int64

    init(users: [EmulatorUser], settings: EmulatorSettings) {
        self.users = users
        self.pageSize = max(1, settings.pageSize)
        tokens.accessTokenLifetime = settings.accessTokenLifetime
        tokens.refreshGrace = settings.refreshGrace
        tokens.codeLifetime = settings.codeLifetime
        var highest: Int64 = 0
        for user in users {
            let groupIDs: [Int64] = user.measureGroups.compactMap { $0["grpid"]?.intValue }
            let itemIDs: [Int64] = (user.sleepSummaries + user.workouts).compactMap { $0["id"]?.intValue }
            highest = max(highest, groupIDs.max() ?? 0, itemIDs.max() ?? 0)
        }
        nextItemID = max(highest, 5_000_000_000) + 1
    }

    /// The index of the user with this id.
    func userIndex(_ userID: Int64) -> Int? {
        users.firstIndex { $0.userID == userID }
    }

    /// Takes the first fault rule matching a request, consuming one of its uses.
    mutating func takeFault(path: String, action: String?) -> FaultKind? {
        guard let index = faults.firstIndex(where: { $0.matches(path: path, action: action) }) else { return nil }
        faults[index].remaining -= 1
        let kind = faults[index].kind
        if faults[index].remaining <= 0 { faults.remove(at: index) }
        return kind
    }

    /// Hands out the next id for a new item.
    mutating func makeItemID() -> Int64 {
        defer { nextItemID += 1 }
        return nextItemID
    }
}
