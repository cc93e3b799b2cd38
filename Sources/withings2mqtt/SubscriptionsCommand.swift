import ArgumentParser
import Bridge
import ConfigFile
import WithingsAPI

/// `withings2mqtt subscriptions`: shows (and with `--revoke` removes) this bridge's webhook subscriptions.
struct SubscriptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscriptions",
        abstract: "Shows the webhook subscriptions Withings holds; --revoke removes only this bridge's.")

    @OptionGroup var options: ConfigOptions
    @Option(help: "Only this account.") var account: String?
    @Flag(help: "Revoke this bridge's subscriptions (others' are never touched).") var revoke = false

    func run() async throws {
        let configuration = try options.load().configuration
        let names = configuration.accounts.map(\.name).filter { account == nil || $0 == account }
        guard !names.isEmpty else {
            Console.error("no account named \(account ?? "") in the configuration")
            throw ExitCode(2)
        }
        let directory = StateDirectory(path: configuration.stateDirectory)
        _ = try directory.prepare()
        let shared = SharedParts(configuration: configuration, version: BuildInfo.version)
        let secret = try WebhookSecret.resolve(configured: configuration.webhook.secret, directory: directory)
        let publicURL = configuration.webhook.publicURL ?? ""
        let plan = SubscriptionPlan(callbackURL: "\(publicURL)/webhook/\(secret)")
        var failed = false
        for name in names {
            let client = shared.client(tokens: shared.tokenManager(account: name, directory: directory))
            do {
                let held = try await client.subscriptions()
                Console.out("\(name): \(held.count) subscription(s)")
                for subscription in held {
                    let ours = subscription.callbackURL == plan.callbackURL
                    let shown = ours ? "\(publicURL)/webhook/********" : subscription.callbackURL
                    Console.out("  appli \(subscription.appli)\t\(ours ? "ours " : "other")\t\(shown)")
                }
                let missing = plan.missing(in: held)
                if !missing.isEmpty, configuration.webhook.enabled, !revoke {
                    Console.out(
                        "  missing: \(missing.map(String.init).joined(separator: ", ")) (the daemon subscribes them hourly)"
                    )
                }
                if revoke {
                    for subscription in plan.ours(in: held) {
                        try await client.revoke(callbackURL: subscription.callbackURL, appli: subscription.appli)
                        Console.out("  revoked appli \(subscription.appli)")
                    }
                }
            } catch {
                failed = true
                Console.error("\(name): \(error)")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
