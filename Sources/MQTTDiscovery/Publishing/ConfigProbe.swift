/// The few fields of someone's discovery config that tell whose it is (long or abbreviated names).
struct ConfigProbe: Decodable {
    private struct Origin: Decodable {
        var name: String?
    }

    private struct Availability: Decodable {
        var topic: String?
        var t: String?
    }

    private enum CodingKeys: String, CodingKey {
        case origin, o, availability, avty
        case availabilityTopic = "availability_topic"
        case avtyT = "avty_t"
        case stateTopic = "state_topic"
        case statT = "stat_t"
        case tilde = "~"
    }

    /// `origin.name`, if any.
    let originName: String?
    /// The state and availability topics, with `~` expanded.
    let topics: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let origin =
            try container.decodeIfPresent(Origin.self, forKey: .origin)
            ?? container.decodeIfPresent(Origin.self, forKey: .o)
        originName = origin?.name
        let tilde = try container.decodeIfPresent(String.self, forKey: .tilde)
        let list =
            try container.decodeIfPresent([Availability].self, forKey: .availability)
            ?? container.decodeIfPresent([Availability].self, forKey: .avty) ?? []
        var raw = list.compactMap { $0.topic ?? $0.t }
        for key in [CodingKeys.availabilityTopic, .avtyT, .stateTopic, .statT] {
            if let topic = try container.decodeIfPresent(String.self, forKey: key) { raw.append(topic) }
        }
        topics = raw.map { Self.expand($0, tilde: tilde) }
    }

    // Home Assistant expands `~` only at the start or the end of a topic.
    private static func expand(_ topic: String, tilde: String?) -> String {
        guard let tilde else { return topic }
        if topic.hasPrefix("~") { return tilde + topic.dropFirst() }
        if topic.hasSuffix("~") { return topic.dropLast() + tilde }
        return topic
    }
}
