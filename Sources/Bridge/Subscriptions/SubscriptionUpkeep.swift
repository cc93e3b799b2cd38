import Logging
import ServiceLifecycle
import WithingsAPI

/// Keeps every account subscribed to our callback URL: on start and every hour it lists what Withings holds
/// and subscribes the missing applis, so webhooks that Withings dropped come back without anyone noticing.
public struct SubscriptionUpkeep: Service {
    /// One account to look after.
    public struct Account: Sendable {
        /// The account's worker, told the outcome for diagnostics.
        public var worker: AccountWorker
        /// The account's Withings client.
        public var client: WithingsClient

        /// Creates an entry.
        public init(worker: AccountWorker, client: WithingsClient) {
            self.worker = worker
            self.client = client
        }
    }

    private let accounts: [Account]
    private let plan: SubscriptionPlan
    private let interval: Duration
    private let logger: Logger

    /// Creates the service.
    public init(accounts: [Account], plan: SubscriptionPlan, interval: Duration = .seconds(3600), logger: Logger) {
        self.accounts = accounts
        self.plan = plan
        self.interval = interval
        self.logger = logger
    }

    /// Checks at once, then every `interval`, until graceful shutdown.
    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            for account in accounts { await check(account) }
            try? await gracefulSleep(for: interval)
        }
    }

    /// Lists and repairs one account's subscriptions; errors are logged and shown in diagnostics.
    public func check(_ account: Account) async {
        guard await account.worker.boundUserID() != nil else { return }
        var logger = logger
        logger[metadataKey: "account"] = "\(account.worker.account)"
        do {
            let held = try await account.client.subscriptions()
            var present = Set(plan.ours(in: held).map(\.appli))
            var failed: [Int] = []
            for appli in plan.missing(in: held) {
                do {
                    try await account.client.subscribe(
                        callbackURL: plan.callbackURL, appli: appli, comment: "withings2mqtt")
                    present.insert(appli)
                    logger.info("subscribed", metadata: ["webhook.appli": "\(appli)"])
                } catch {
                    failed.append(appli)
                    logger.warning("subscribe failed: \(error)", metadata: ["webhook.appli": "\(appli)"])
                }
            }
            await account.worker.recordSubscriptions(applis: present.sorted(), ok: failed.isEmpty)
        } catch {
            logger.warning("cannot list subscriptions: \(error)")
            await account.worker.recordSubscriptions(applis: [], ok: false)
        }
    }
}

/// Sleeps, ending early (without throwing) on graceful shutdown.
func gracefulSleep(for duration: Duration) async throws {
    let signal = WakeSignal()
    await withGracefulShutdownHandler {
        await signal.wait(for: duration)
    } onGracefulShutdown: {
        signal.signal()
    }
}

extension SubscriptionUpkeep: CustomStringConvertible {
    /// A short name for ServiceLifecycle's debug logs, without the callback URL's webhook secret.
    public var description: String { "SubscriptionUpkeep(accounts: \(accounts.count), plan: \(plan))" }
}
