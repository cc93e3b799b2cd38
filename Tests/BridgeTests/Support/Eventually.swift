/// Polls `condition` up to `polls` times, 5 ms apart; returns whether it came to hold.
func eventually(polls: Int = 2_000, _ condition: () async -> Bool) async -> Bool {
    for _ in 0..<polls {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return false
}
