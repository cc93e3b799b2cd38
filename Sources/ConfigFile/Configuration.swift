/// The effective configuration of withings2mqtt, after defaults, environment and secret files are applied.
///
/// `ConfigurationLoader` builds it from YAML and validates it; everything downstream takes it as plain data.
public struct Configuration: Sendable, Equatable {
    /// Broker connection and topic layout.
    public var mqtt: MQTT
    /// The Withings developer app and endpoints.
    public var withings: Withings
    /// The accounts to bridge, in configuration order.
    public var accounts: [Account]
    /// The built-in HTTP server for webhooks and the OAuth callback.
    public var webhook: Webhook
    /// Polling.
    public var poll: Poll
    /// Where tokens, cursors and the generated webhook secret live.
    public var stateDirectory: String
    /// IANA zone for "today"; nil: the system zone.
    public var timezone: String?
    /// Units of published values.
    public var units: Units
    /// `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`.
    public var logLevel: String

    /// Creates a configuration.
    public init(
        mqtt: MQTT = MQTT(), withings: Withings, accounts: [Account], webhook: Webhook = Webhook(), poll: Poll = Poll(),
        stateDirectory: String = "/var/lib/withings2mqtt", timezone: String? = nil, units: Units = .metric,
        logLevel: String = "info"
    ) {
        self.mqtt = mqtt
        self.withings = withings
        self.accounts = accounts
        self.webhook = webhook
        self.poll = poll
        self.stateDirectory = stateDirectory
        self.timezone = timezone
        self.units = units
        self.logLevel = logLevel
    }

    /// Metric (Withings' own) or imperial units.
    public enum Units: String, Sendable, Equatable, CaseIterable {
        /// kg, m, °C.
        case metric
        /// lb, ft, °F, mi.
        case imperial
    }

    /// The `mqtt:` section.
    public struct MQTT: Sendable, Equatable {
        /// Broker host.
        public var host: String = "localhost"
        /// Broker port.
        public var port: Int = 1883
        /// Whether to use TLS.
        public var tls: Bool = false
        /// CA file for TLS; nil: the system's CAs.
        public var caFile: String?
        /// Client certificate for TLS.
        public var certFile: String?
        /// Client key for TLS.
        public var keyFile: String?
        /// Broker user name.
        public var username: String?
        /// Broker password (from the file, `password_file` or `WITHINGS2MQTT_MQTT_PASSWORD`).
        public var password: String?
        /// MQTT client id; stable and unique per instance.
        public var clientID: String = "withings2mqtt"
        /// Keepalive in seconds.
        public var keepalive: Int = 60
        /// Root of every state topic.
        public var baseTopic: String = "withings2mqtt"
        /// Home Assistant's discovery prefix.
        public var discoveryPrefix: String = "homeassistant"
        /// Whether to publish discovery configs.
        public var discovery: Bool = true
        /// Home Assistant's birth topic.
        public var statusTopic: String = "homeassistant/status"

        /// Creates the section with defaults.
        public init() {}
    }

    /// The `withings:` section.
    public struct Withings: Sendable, Equatable {
        /// The developer app's client id.
        public var clientID: String
        /// The developer app's secret.
        public var clientSecret: String
        /// The redirect URI registered with the app.
        public var redirectURI: String
        /// Base URL of the data API (the emulator's in demo and tests).
        public var apiURL: String = "https://wbsapi.withings.net"
        /// The OAuth authorize page.
        public var authorizeURL: String = "https://account.withings.com/oauth2_user/authorize2"
        /// Requests per minute across all accounts of the app.
        public var rateLimitPerMinute: Int = 120
        /// Whether ambiguous measure groups (attrib 1) are skipped.
        public var skipAmbiguous: Bool = true

        /// Creates the section.
        public init(clientID: String, clientSecret: String, redirectURI: String) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.redirectURI = redirectURI
        }
    }

    /// One entry of `accounts:`.
    public struct Account: Sendable, Equatable {
        /// Slug used in topics and file names: `[a-z0-9_-]+`.
        public var name: String
        /// Display name of the account's device in Home Assistant; nil: `name`.
        public var displayName: String?

        /// Creates an account.
        public init(name: String, displayName: String? = nil) {
            self.name = name
            self.displayName = displayName
        }
    }

    /// The `webhook:` section.
    public struct Webhook: Sendable, Equatable {
        /// Whether to subscribe to notifications and serve `/webhook/<secret>`.
        public var enabled: Bool = false
        /// Host the server binds.
        public var listenHost: String = "0.0.0.0"
        /// Port the server binds.
        public var listenPort: Int = 8484
        /// What Withings calls, without `/webhook/<secret>`; nil when webhooks are off.
        public var publicURL: String?
        /// The path secret; nil: generated on first run and kept in `state_dir`.
        public var secret: String?

        /// Creates the section with defaults.
        public init() {}
    }

    /// The `poll:` section.
    public struct Poll: Sendable, Equatable {
        /// Seconds between polls; nil: 600 without webhooks, 7200 with them.
        public var interval: Int?

        /// Creates the section with defaults.
        public init(interval: Int? = nil) {
            self.interval = interval
        }
    }

    /// The poll interval in seconds after applying the webhook-dependent default.
    public var effectivePollInterval: Int { poll.interval ?? (webhook.enabled ? 7200 : 600) }
}
