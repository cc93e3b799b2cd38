import MQTTDiscovery

/// Collects the retained discovery configs the broker hands out right after subscribing.
actor RetainedConfigCollector {
    private var seen: [String: MQTTMessage] = [:]
    private var open = true

    /// Records a retained config while collecting.
    func record(_ message: MQTTMessage) {
        guard open else { return }
        seen[message.topic] = message
    }

    /// Stops collecting and returns what was seen.
    func stop() -> [MQTTMessage] {
        open = false
        return seen.values.sorted { $0.topic < $1.topic }
    }
}
