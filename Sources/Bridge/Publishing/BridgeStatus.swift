import MQTTDiscovery

/// Keeps `<base>/bridge/info` current: which accounts exist, their Withings user and whether they work.
public actor BridgeStatus {
    private var info: BridgeInfo
    private let topic: String
    private let publisher: StatePublisher

    /// Creates the status with the info as it is at start.
    public init(info: BridgeInfo, topic: String, publisher: StatePublisher) {
        self.info = info
        self.topic = topic
        self.publisher = publisher
    }

    /// Publishes the info as it is now.
    public func publish() async {
        await publisher.set(topic, info.json.serialized)
    }

    /// Records an account's user and state (`online`, `offline`, `not_authorized`), publishing on change.
    public func account(_ name: String, userID: Int64?, state: String) async {
        let entry = BridgeInfo.Account(name: name, userID: userID, state: state)
        guard let index = info.accounts.firstIndex(where: { $0.name == name }) else { return }
        guard info.accounts[index] != entry else { return }
        info.accounts[index] = entry
        await publish()
    }
}
