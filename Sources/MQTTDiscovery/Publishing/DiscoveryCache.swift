/// Remembers the retained configs published per scope, so only changed configs go out again.
///
/// Home Assistant reloads an entity on every config it receives; re-sending identical configs each poll
/// would churn it (zigbee2mqtt and ecowitt2mqtt publish on change only). A scope is one account's node
/// (or the bridge's), so that one account's update never clears another's configs.
public struct DiscoveryCache: Sendable, Equatable {
    private var published: [String: [String: [UInt8]]] = [:]

    /// Creates an empty cache.
    public init() {}

    /// The messages to publish for `scope`: new or changed configs, and an empty retained payload for each
    /// topic published earlier in this scope that is no longer generated. Records them as published;
    /// call `invalidate()` when publishing fails or the broker lost its retained data.
    public mutating func update(scope: String, generated: [MQTTMessage]) -> [MQTTMessage] {
        let previous = published[scope] ?? [:]
        var current: [String: [UInt8]] = [:]
        var out: [MQTTMessage] = []
        for message in generated where current[message.topic] == nil {
            current[message.topic] = message.payload
            if previous[message.topic] != message.payload { out.append(message) }
        }
        for topic in previous.keys.sorted() where current[topic] == nil {
            out.append(MQTTMessage(topic: topic, payload: [], qos: 1, retain: true))
        }
        published[scope] = current
        return out
    }

    /// Forgets everything, so the next `update` of each scope re-publishes every config.
    public mutating func invalidate() {
        published = [:]
    }

    /// Every config topic currently recorded as published, across scopes.
    public var publishedTopics: Set<String> {
        Set(published.values.flatMap(\.keys))
    }
}
