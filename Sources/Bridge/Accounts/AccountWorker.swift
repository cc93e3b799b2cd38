import Logging
import MQTTDiscovery
import ServiceLifecycle
import WithingsAPI

/// Keeps one Withings account's states on MQTT: polls what the scheduler says is due, applies bed events at
/// once, and persists values and cursors together after every change.
///
/// An actor: webhook events interleave with a poll in flight (bed events never wait for the API), so every
/// mutation after an `await` writes single fields of `snapshot`, never a copy taken before the await.
public actor AccountWorker: Service {
    /// What a worker needs to know about its account and the bridge.
    public struct Settings: Sendable {
        /// The account's slug from the configuration.
        public var account: String
        /// The account device's display name; nil: the slug.
        public var displayName: String?
        /// Seconds between full cycles.
        public var pollInterval: Double
        /// Seconds a webhook refresh waits for the rest of a burst.
        public var debounce: Double = 2
        /// Which measure groups count.
        public var measureRules = MeasureRules()
        /// How many days of activity rows are kept for "today".
        public var activityDaysKept = 7

        /// Creates settings.
        public init(account: String, displayName: String?, pollInterval: Double) {
            self.account = account
            self.displayName = displayName
            self.pollInterval = pollInterval
        }
    }

    /// The pieces a worker talks to.
    public struct Dependencies: Sendable {
        /// The Withings client for this account (its tokens come from `tokens`).
        public var client: WithingsClient
        /// The account's token manager.
        public var tokens: TokenManager
        /// Where the account's state file lives.
        public var store: JSONFileStore<AccountState>
        /// Where the bed states are written after each bed event.
        public var bedStore: JSONFileStore<BedRecord>
        /// Where messages go.
        public var publisher: StatePublisher
        /// Topic names.
        public var layout: TopicLayout
        /// Discovery payloads; nil when discovery is off.
        public var discovery: DiscoveryPayloadBuilder?
        /// State payloads.
        public var states: StateMessageBuilder
        /// Event payloads.
        public var events: EventBuilder
        /// Local days.
        public var calendar: LocalCalendar
        /// Released after the first cycle, for the stale-config sweep.
        public var barrier: StartupBarrier
        /// Wall-clock epoch seconds.
        public var now: @Sendable () -> Int64
        /// `<base>/bridge/info`, told about the account's state; nil in tests that do not need it.
        public var status: BridgeStatus?

        /// Creates dependencies.
        public init(
            client: WithingsClient, tokens: TokenManager, store: JSONFileStore<AccountState>,
            bedStore: JSONFileStore<BedRecord>,
            publisher: StatePublisher, layout: TopicLayout, discovery: DiscoveryPayloadBuilder?,
            states: StateMessageBuilder, events: EventBuilder, calendar: LocalCalendar, barrier: StartupBarrier,
            now: @escaping @Sendable () -> Int64, status: BridgeStatus? = nil
        ) {
            self.client = client
            self.tokens = tokens
            self.store = store
            self.bedStore = bedStore
            self.publisher = publisher
            self.layout = layout
            self.discovery = discovery
            self.states = states
            self.events = events
            self.calendar = calendar
            self.barrier = barrier
            self.now = now
            self.status = status
        }
    }

    let settings: Settings
    let deps: Dependencies
    let logger: Logger
    let wake = WakeSignal()
    let stateWriter: WriteBehindStore<AccountState>
    let bedWriter: WriteBehindStore<BedRecord>
    let monotonic = ContinuousClock()
    let started: ContinuousClock.Instant
    var state: AccountState
    var snapshot: AccountSnapshot
    var recentActivity: [ActivityDay]
    var scheduler: PollScheduler
    var discoveryCache = DiscoveryCache()
    var apiErrors: [String: Int] = [:]
    var lastError: String?
    var subscribedApplis: [Int] = []
    var subscriptionsOK: Bool?
    var online = false
    var seenEventKeys: Set<String> = []
    var loggedUnknownMeasures: Set<MeasureKey> = []
    var seenEventOrder: [String] = []
    var lastDiagnosticsAt: ContinuousClock.Instant?
    var diagnosticsPending = false
    var today: String
    /// The user of the bed states read from the bed file while the state had no user yet, until `bindUser`.
    var unconfirmedBedOwner: Int64?

    /// Creates a worker from the account's stored state and bed states (a file that cannot be read is an error:
    /// it is never silently replaced, since it holds the cursors or an acknowledged bed event).
    public init(settings: Settings, dependencies: Dependencies, logger: Logger) throws {
        self.settings = settings
        self.deps = dependencies
        var logger = logger
        logger[metadataKey: "account"] = "\(settings.account)"
        self.logger = logger
        self.stateWriter = WriteBehindStore(store: dependencies.store, logger: logger)
        self.bedWriter = WriteBehindStore(store: dependencies.bedStore, logger: logger)
        let bedRecord = try dependencies.bedStore.load()
        let stored = try (dependencies.store.load() ?? AccountState()).applying(bedRecord)
        self.unconfirmedBedOwner = stored.userID == nil ? bedRecord?.userID : nil
        let now = dependencies.now()
        self.state = stored
        self.today = dependencies.calendar.day(of: now)
        self.snapshot = stored.snapshot(userID: stored.userID ?? 0, today: today)
        self.recentActivity = stored.activityRows
        self.started = monotonic.now
        self.scheduler = PollScheduler(interval: settings.pollInterval, debounce: settings.debounce, now: 0)
    }

    /// The Withings user bound to this account, once known.
    public var userID: Int64? { state.userID }

    /// The Withings user, learning it from the token file first if the worker has not yet.
    public func boundUserID() async -> Int64? {
        await bindUser()
        return state.userID
    }

    /// The account's slug.
    public nonisolated var account: String { settings.account }

    /// Runs poll cycles until graceful shutdown; the first starts at once.
    public func run() async throws {
        await bindUser()
        online = await hasUsableToken()
        await publishEverything()
        var firstCycleDone = false
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await rollOverDayIfNeeded()
            let now = elapsed()
            scheduler.sleep(settled: snapshot.sleep.map { deps.calendar.day(of: $0.endDate) == today } ?? false)
            switch scheduler.next(now: now) {
            case .poll(let categories):
                scheduler.started(categories)
                let succeeded = await poll(categories)
                scheduler.finished(categories, succeeded: succeeded, now: elapsed())
                if !firstCycleDone {
                    firstCycleDone = true
                    await deps.barrier.arrive()
                }
            case .wait(let until):
                let toMidnight = Double(deps.calendar.secondsToMidnight(from: deps.now()))
                // While offline the token file is checked every few seconds, so `auth` takes effect at once.
                let cap = online ? toMidnight + 1 : Self.offlineRecheck
                let seconds = max(0.05, min(until - now, cap))
                let wake = self.wake
                await withGracefulShutdownHandler {
                    await wake.wait(for: .milliseconds(Int64(seconds * 1000)))
                } onGracefulShutdown: {
                    wake.signal()
                }
                if !online, await hasUsableToken() {
                    logger.info("new tokens found: polling again")
                    await setOnline(true)
                    scheduler = PollScheduler(
                        interval: settings.pollInterval, debounce: settings.debounce, now: elapsed())
                }
            }
        }
        await stateWriter.flush()
        await bedWriter.flush()
    }

    /// Applies a webhook for this account: bed events publish at once; others schedule a refresh.
    ///
    /// `saved` is called once nothing is lost if the bridge dies: for a bed event when it is in the state file
    /// (Withings cannot send it again once answered), for others at once (the refresh they ask for is not saved;
    /// a restart polls every category anyway).
    public func handle(_ notification: WebhookNotification, saved: @escaping @Sendable () -> Void) async {
        let now = deps.now()
        state.lastWebhook = now
        switch notification.appli {
        case 50, 51:
            await applyBedEvent(notification, receivedAt: now, saved: saved)
        default:
            defer { saved() }
            let categories = DataCategory.refreshed(byAppli: notification.appli)
            logger.debug("webhook", metadata: ["webhook.appli": "\(notification.appli)"])
            if categories.isEmpty {
                await publishDiagnosticsThrottled()
                return
            }
            scheduler.webhook(categories, now: elapsed())
            wake.signal()
        }
    }

    /// Records what the subscription upkeep found for this account.
    public func recordSubscriptions(applis: [Int], ok: Bool) async {
        subscribedApplis = applis
        subscriptionsOK = ok
        await publishDiagnostics()
    }

    /// Called after `auth` stored new tokens: re-reads them and polls at once.
    public func reauthorized() async {
        await deps.tokens.reload()
        await bindUser()
        scheduler = PollScheduler(interval: settings.pollInterval, debounce: settings.debounce, now: elapsed())
        wake.signal()
    }

    /// Seconds between token-file checks while the account is offline.
    static let offlineRecheck = 3.0

    func hasUsableToken() async -> Bool {
        do {
            _ = try await deps.tokens.accessToken()
            return true
        } catch {
            return false
        }
    }

    func elapsed() -> Double {
        let duration = monotonic.now - started
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
