import FoundationEssentials

/// Finds retained discovery configs of ours that are no longer generated, at start, and never touches others'.
///
/// A config counts as ours when it is marked ours (node id `withings2mqtt_…` or `origin.name` withings2mqtt)
/// **and** its state or availability topics lie under our base topic. The second condition lets two
/// withings2mqtt instances with different base topics share one broker without deleting each other's entities;
/// a marked config whose payload cannot be read is ours only when its node id is.
public struct StaleConfigSweep: Sendable {
    /// Our topics.
    public var layout: TopicLayout

    /// Creates a sweep.
    public init(layout: TopicLayout) {
        self.layout = layout
    }

    /// The filter to subscribe to briefly at start to see every retained per-component config.
    public var subscriptionFilter: String { layout.discoveryConfigFilter }

    /// The empty retained messages that remove stale configs of ours among `seen` (retained messages
    /// received on `subscriptionFilter`), keeping every topic in `generated`. Sorted by topic.
    public func clearMessages(seen: [MQTTMessage], generated: Set<String>) -> [MQTTMessage] {
        let topics = Set(seen.filter { !generated.contains($0.topic) && isOurs($0) }.map(\.topic))
        return topics.sorted().map { MQTTMessage(topic: $0, payload: [], qos: 1, retain: true) }
    }

    /// Whether a retained config message belongs to this bridge.
    public func isOurs(_ message: MQTTMessage) -> Bool {
        guard !message.payload.isEmpty, let node = nodeID(of: message.topic) else { return false }
        let nodeIsOurs = node.hasPrefix(TopicLayout.originName + "_")
        guard let probe = try? JSONDecoder().decode(ConfigProbe.self, from: Data(message.payload)) else {
            return nodeIsOurs
        }
        guard nodeIsOurs || probe.originName == TopicLayout.originName else { return false }
        let base = layout.baseTopic
        return probe.topics.contains { $0 == base || $0.hasPrefix(base + "/") }
    }

    /// The node id of `<prefix>/<component>/<node>/<object>/config`, nil for other shapes.
    func nodeID(of topic: String) -> String? {
        let prefix = layout.discoveryPrefix + "/"
        guard topic.hasPrefix(prefix) else { return nil }
        let levels = topic.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard levels.count == 4, levels[3] == "config" else { return nil }
        return String(levels[1])
    }
}
