import Logging
import MQTTDiscovery
import ServiceLifecycle

/// Keeps the broker in step with the `StatePublisher`: sends pending messages while connected, announces
/// `online` on every connect, re-publishes states when Home Assistant comes online, and removes retained
/// discovery configs of ours that are no longer generated.
public struct MQTTSessionService: Service {
    /// Topics and timings the session needs.
    public struct Settings: Sendable {
        /// `<base>/bridge/state`.
        public var bridgeStateTopic: String
        /// Home Assistant's birth topic.
        public var statusTopic: String
        /// The discovery prefix; empty when discovery is off.
        public var discoveryPrefix: String?
        /// The least time retained configs are collected after the first connect (also until the first cycles end).
        public var sweepWindow: Duration = .seconds(2)
        /// The longest the sweep waits for the accounts' first cycles.
        public var sweepReadyTimeout: Duration = .seconds(120)
        /// Bounds of the random delay before re-publishing on Home Assistant's birth message, in ms.
        public var birthDelayMilliseconds: ClosedRange<Int> = 500...3000

        /// Creates settings.
        public init(bridgeStateTopic: String, statusTopic: String, discoveryPrefix: String?) {
            self.bridgeStateTopic = bridgeStateTopic
            self.statusTopic = statusTopic
            self.discoveryPrefix = discoveryPrefix
        }
    }

    /// Decides which retained configs seen at start are ours and stale: (seen, generated topics) -> to clear.
    public typealias StaleSweep = @Sendable (_ seen: [MQTTMessage], _ generated: Set<String>) -> [String]

    private let connection: any MQTTConnection
    private let publisher: StatePublisher
    private let settings: Settings
    private let sweep: StaleSweep
    private let barrier: StartupBarrier
    private let onConnectionChange: @Sendable (Bool) async -> Void
    private let logger: Logger

    /// Creates the service.
    public init(
        connection: any MQTTConnection, publisher: StatePublisher, settings: Settings, sweep: @escaping StaleSweep,
        barrier: StartupBarrier, logger: Logger, onConnectionChange: @escaping @Sendable (Bool) async -> Void = { _ in }
    ) {
        self.connection = connection
        self.publisher = publisher
        self.settings = settings
        self.sweep = sweep
        self.barrier = barrier
        self.logger = logger
        self.onConnectionChange = onConnectionChange
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        let collector = RetainedConfigCollector()
        let configFilter = settings.discoveryPrefix.map { "\($0)/+/+/+/config" }
        try await connection.subscribe(settings.statusTopic, qos: 1)
        if let configFilter { try await connection.subscribe(configFilter, qos: 1) }
        await withDiscardingTaskGroup { group in
            group.addTask { await self.pump() }
            var sweepStarted = configFilter == nil
            for await event in connection.events.cancelOnGracefulShutdown() {
                switch event {
                case .connected:
                    logger.info("MQTT connected")
                    await publisher.set(settings.bridgeStateTopic, "online", force: true)
                    await publisher.connectionChanged(connected: true)
                    await onConnectionChange(true)
                    if !sweepStarted, let configFilter {
                        sweepStarted = true
                        group.addTask { await self.sweepStale(collector: collector, filter: configFilter) }
                    }
                case .disconnected(let reason):
                    logger.warning("MQTT disconnected", metadata: ["mqtt.reason": "\(reason)"])
                    await publisher.connectionChanged(connected: false)
                    await onConnectionChange(false)
                case .message(let message):
                    if message.topic == settings.statusTopic {
                        if message.payloadString == "online" { group.addTask { await self.republishAfterBirth() } }
                    } else if message.retain, message.topic.hasSuffix("/config") {
                        await collector.record(message)
                    }
                }
            }
            group.cancelAll()
        }
    }

    /// Sends pending messages with up to `pumpWindow` QoS 1 publishes awaiting their PUBACK at once, taking more
    /// as each one is acknowledged, so a burst streams instead of stalling on a whole batch's slowest PUBACK.
    private func pump() async {
        for await _ in publisher.wakeups {
            await withTaskGroup(of: Void.self) { group in
                var inFlight = 0
                while !Task.isCancelled {
                    let room = Self.pumpWindow - inFlight
                    let batch = room > 0 ? await publisher.nextBatch(limit: room) : []
                    if batch.isEmpty {
                        // Full window or nothing pending: wait for an acknowledgement, then look again.
                        guard inFlight > 0, await group.next() != nil else { break }
                        inFlight -= 1
                        continue
                    }
                    // Handed over here, in order: a task per message raced two updates of one retained topic
                    // (in_bed ON, then OFF) onto the wire the wrong way round. Only the PUBACK waits run apart.
                    var refused: ArraySlice<MQTTMessage> = []
                    for (index, message) in batch.enumerated() {
                        do {
                            let pending = try connection.enqueue(message)
                            group.addTask { await self.confirm(pending, of: message) }
                            inFlight += 1
                        } catch {
                            refused = batch[index...]
                            break
                        }
                    }
                    if !refused.isEmpty {
                        // The connection refuses for now (closing): keep the rest for the next wake-up instead
                        // of taking the same messages again at once.
                        for message in refused { await failed(message) }
                        while inFlight > 0, await group.next() != nil { inFlight -= 1 }
                        break
                    }
                }
            }
        }
    }

    /// At most this many publishes await their PUBACK. libmosquitto itself keeps 20 on the wire (its
    /// SEND_MAXIMUM) and queues the rest in order; the window bounds that queue and the memory held for it.
    static let pumpWindow = 128

    private func confirm(_ pending: MQTTPendingPublish, of message: MQTTMessage) async {
        do {
            try await pending.acknowledged()
        } catch {
            await failed(message)
        }
    }

    private func failed(_ message: MQTTMessage) async {
        logger.debug("publish failed", metadata: ["mqtt.topic": "\(message.topic)"])
        await publisher.requeue(message)
    }

    private func sweepStale(collector: RetainedConfigCollector, filter: String) async {
        // Collect until the window has passed and every account has finished its first cycle: on a loaded box the
        // broker's retained configs can arrive seconds after the connect, and live copies of our own configs come
        // without the retain flag, so collecting longer never mistakes them for stale ones.
        async let window: Void? = try? await Task.sleep(for: settings.sweepWindow)
        if !(await barrier.wait(atMost: settings.sweepReadyTimeout)) {
            logger.warning("not every account finished its first cycle in time; sweeping stale configs anyway")
        }
        _ = await window
        guard !Task.isCancelled else { return }
        try? await connection.unsubscribe(filter)
        let seen = await collector.stop()
        let generated = await publisher.ownedTopics
        let stale = sweep(seen, generated)
        for topic in stale { await publisher.clear(topic) }
        logger.debug(
            "stale-config sweep", metadata: ["mqtt.seen": "\(seen.count)", "mqtt.generated": "\(generated.count)"])
        if !stale.isEmpty { logger.info("removed stale discovery configs", metadata: ["mqtt.count": "\(stale.count)"]) }
    }

    private func republishAfterBirth() async {
        let delay = Int.random(in: settings.birthDelayMilliseconds)
        try? await Task.sleep(for: .milliseconds(delay))
        guard !Task.isCancelled else { return }
        let prefix = settings.discoveryPrefix.map { "\($0)/" }
        logger.info("Home Assistant online: re-publishing states")
        await publisher.republish { topic in prefix.map { !topic.hasPrefix($0) } ?? true }
    }
}
