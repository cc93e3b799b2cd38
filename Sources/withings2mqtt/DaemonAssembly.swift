import Bridge
import ConfigFile
import CurlTransport
import FoundationEssentials
import Glibc
import Logging
import MQTTDiscovery
import MosquittoClient
import ServiceLifecycle
import WebhookServer
import WithingsAPI

/// The composition root of `withings2mqtt run`: builds the live adapters and services from the configuration
/// and runs them in one `ServiceGroup` until SIGTERM or SIGINT.
struct DaemonAssembly {
    let configuration: Configuration
    let logger: Logger

    /// Wall-clock epoch seconds.
    static let now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

    /// Runs the daemon; returns after a clean shutdown with `offline` published.
    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        let directory = StateDirectory(path: configuration.stateDirectory)
        for warning in try directory.prepare() { logger.warning("\(warning)") }

        let shared = SharedParts(configuration: configuration, version: BuildInfo.version)
        let layout = TopicLayout(
            baseTopic: configuration.mqtt.baseTopic, discoveryPrefix: configuration.mqtt.discoveryPrefix)
        let units: UnitSystem = configuration.units == .imperial ? .imperial : .metric
        let bridgeIdentity = BridgeIdentity(
            layout: layout, softwareVersion: BuildInfo.version, supportURL: BuildInfo.supportURL, units: units)
        let discovery = configuration.mqtt.discovery ? DiscoveryPayloadBuilder(bridge: bridgeIdentity) : nil
        let publisher = StatePublisher()
        let barrier = StartupBarrier(parties: configuration.accounts.count)
        let calendar = LocalCalendar(timezone: configuration.timezone)
        let webhookOn = configuration.webhook.enabled && configuration.webhook.publicURL != nil
        let status = BridgeStatus(
            info: BridgeInfo(
                version: BuildInfo.version,
                accounts: configuration.accounts.map {
                    BridgeInfo.Account(name: $0.name, userID: nil, state: "starting")
                },
                webhookEnabled: webhookOn, webhookPublicURL: configuration.webhook.publicURL,
                webhookStatus: webhookOn ? "listening" : "disabled", units: units),
            topic: layout.bridgeInfo, publisher: publisher)

        var workers: [AccountWorker] = []
        var upkeepAccounts: [SubscriptionUpkeep.Account] = []
        for account in configuration.accounts {
            let tokens = shared.tokenManager(account: account.name, directory: directory)
            let client = shared.client(tokens: tokens)
            var settings = AccountWorker.Settings(
                account: account.name, displayName: account.displayName,
                pollInterval: Double(configuration.effectivePollInterval))
            settings.measureRules = MeasureRules(includeAmbiguous: !configuration.withings.skipAmbiguous)
            let dependencies = AccountWorker.Dependencies(
                client: client, tokens: tokens,
                store: directory.stateStore(account: account.name, as: AccountState.self),
                bedStore: directory.bedStore(account: account.name),
                publisher: publisher, layout: layout, discovery: discovery,
                states: StateMessageBuilder(layout: layout, units: units),
                events: EventBuilder(layout: layout, units: units),
                calendar: calendar, barrier: barrier, now: Self.now, status: status)
            let worker = try AccountWorker(settings: settings, dependencies: dependencies, logger: logger)
            workers.append(worker)
            upkeepAccounts.append(SubscriptionUpkeep.Account(worker: worker, client: client))
        }

        let connection = try MosquittoConnection(options: shared.mosquittoOptions(will: layout.bridgeState))
        let notifier = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
        let readiness = Readiness(notifier: notifier, logger: logger)
        let session = MQTTSessionService(
            connection: connection, publisher: publisher,
            settings: MQTTSessionService.Settings(
                bridgeStateTopic: layout.bridgeState, statusTopic: configuration.mqtt.statusTopic,
                discoveryPrefix: discovery == nil ? nil : configuration.mqtt.discoveryPrefix),
            sweep: { seen, generated in
                StaleConfigSweep(layout: layout).clearMessages(seen: seen, generated: generated).map(\.topic)
            },
            barrier: barrier, logger: logger, onConnectionChange: { connected in await readiness.connection(connected) }
        )
        let inbox = WebhookInbox(workers: workers, logger: logger)
        let allWorkers = workers

        var services: [any Service] = [session, inbox]
        services += workers as [any Service]
        if configuration.webhook.enabled, let publicURL = configuration.webhook.publicURL {
            let secret = try WebhookSecret.resolve(configured: configuration.webhook.secret, directory: directory)
            let authorizer = shared.authorizer(directory: directory)
            let server = WebhookHTTPServer(
                configuration: WebhookServerConfiguration(
                    host: configuration.webhook.listenHost, port: configuration.webhook.listenPort, secret: secret),
                logger: logger,
                onNotification: { inbox.submit($0, applied: $1) },
                onOAuthCallback: { code, state in
                    await OAuthCallback.complete(code: code, state: state, authorizer: authorizer, workers: allWorkers)
                })
            _ = try await server.bind()
            services.append(server)
            let plan = SubscriptionPlan(callbackURL: "\(publicURL)/webhook/\(secret)")
            services.append(SubscriptionUpkeep(accounts: upkeepAccounts, plan: plan, logger: logger))
        }
        if let interval = SystemdNotifier.watchdogInterval(environment: ProcessInfo.processInfo.environment) {
            services.append(WatchdogService(notifier: notifier, interval: interval))
        }

        if let discovery { await publisher.apply(discovery.bridgeConfigs()) }
        await status.publish()

        try connection.start()
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info(
            "withings2mqtt \(BuildInfo.version) starting", metadata: ["accounts": "\(configuration.accounts.count)"])
        do {
            try await group.run()
        } catch {
            logger.error("stopping after an error: \(error)")
        }
        try? notifier.stopping()
        let offline = MQTTMessage(topic: layout.bridgeState, string: "offline", qos: 1, retain: true)
        for problem in await connection.shutdown(finalMessages: [offline], timeout: .seconds(3)) {
            logger.warning("MQTT shutdown: \(problem)")
        }
        logger.info("stopped")
    }
}
