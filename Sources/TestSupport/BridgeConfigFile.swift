import Foundation

/// The configuration file of a `withings2mqtt run` started by the end-to-end tests, the fault suite and the
/// benchmarks: a broker and the Withings emulator on loopback, a fresh state directory.
public struct BridgeConfigFile: Sendable {
    /// The broker's port on 127.0.0.1.
    public var brokerPort: Int
    /// Prefix of the MQTT client id (a random suffix keeps runs apart).
    public var clientIDPrefix: String
    /// MQTT credentials, when the broker wants them.
    public var mqttCredentials: (username: String, password: String)?
    /// The developer app's client id and secret, as the emulator was started with.
    public var withingsClient: (id: String, secret: String)
    /// The emulator's base URL.
    public var emulatorURL: String
    /// The account slugs.
    public var accounts: [String]
    /// The port of the bridge's webhook and OAuth-callback server on 127.0.0.1.
    public var webhookPort: Int
    /// The webhook secret; nil turns webhooks off.
    public var webhookSecret: String?
    /// `poll.interval`; nil keeps the default.
    public var pollInterval: String?
    /// `state_dir`.
    public var stateDirectory: String
    /// `log_level`.
    public var logLevel: String
    /// More top-level YAML, appended as given.
    public var extraYAML = ""

    /// Creates a configuration.
    public init(
        brokerPort: Int, clientIDPrefix: String, withingsClient: (id: String, secret: String), emulatorURL: String,
        accounts: [String], webhookPort: Int, webhookSecret: String?, stateDirectory: String, logLevel: String
    ) {
        self.brokerPort = brokerPort
        self.clientIDPrefix = clientIDPrefix
        self.withingsClient = withingsClient
        self.emulatorURL = emulatorURL
        self.accounts = accounts
        self.webhookPort = webhookPort
        self.webhookSecret = webhookSecret
        self.stateDirectory = stateDirectory
        self.logLevel = logLevel
    }

    /// The file's text.
    public var yaml: String {
        let credentials = mqttCredentials.map { "\n  username: \($0.username)\n  password: \($0.password)" } ?? ""
        let webhook =
            webhookSecret.map {
                """
                webhook:
                  enabled: true
                  listen: 127.0.0.1:\(webhookPort)
                  public_url: http://127.0.0.1:\(webhookPort)
                  secret: \($0)
                """
            } ?? "webhook:\n  enabled: false"
        let poll = pollInterval.map { "poll:\n  interval: \($0)\n" } ?? ""
        return """
            mqtt:
              host: 127.0.0.1
              port: \(brokerPort)
              client_id: \(clientIDPrefix)-\(UUID().uuidString.prefix(8))\(credentials)
            withings:
              client_id: \(withingsClient.id)
              client_secret: \(withingsClient.secret)
              redirect_uri: http://127.0.0.1:\(webhookPort)/oauth/callback
              api_url: \(emulatorURL)
              authorize_url: \(emulatorURL)/oauth2_user/authorize2
            accounts:
            \(accounts.map { "  - name: \($0)" }.joined(separator: "\n"))
            \(webhook)
            \(poll)state_dir: \(stateDirectory)
            log_level: \(logLevel)
            \(extraYAML)
            """
    }

    /// Writes the file.
    public func write(to file: URL) throws {
        try yaml.write(to: file, atomically: true, encoding: .utf8)
    }
}
