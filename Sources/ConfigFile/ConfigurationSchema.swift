/// The keys each section of the YAML file accepts; anything else is reported as unknown.
enum ConfigurationSchema {
    /// Top-level keys.
    static let topLevel = [
        "mqtt", "withings", "accounts", "webhook", "poll", "state_dir", "timezone", "units", "log_level",
    ]
    /// Keys of `mqtt:`.
    static let mqtt = [
        "host", "port", "tls", "ca_file", "cert_file", "key_file", "username", "password", "password_file",
        "client_id", "keepalive", "base_topic", "discovery_prefix", "discovery", "status_topic",
    ]
    /// Keys of `withings:`.
    static let withings = [
        "client_id", "client_secret", "client_secret_file", "redirect_uri", "api_url", "authorize_url",
        "rate_limit_per_minute", "skip_ambiguous",
    ]
    /// Keys of one `accounts:` entry.
    static let account = ["name", "display_name"]
    /// Keys of `webhook:`.
    static let webhook = ["enabled", "listen", "public_url", "secret", "secret_file"]
    /// Keys of `poll:`.
    static let poll = ["interval"]

    /// Every section with its keys, for "did you mean" across sections.
    static let sections: [(name: String, keys: [String])] = [
        ("mqtt", mqtt), ("withings", withings), ("webhook", webhook), ("poll", poll), ("", topLevel),
    ]

    /// Log levels swift-log knows.
    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// Environment variable for `mqtt.password`.
    static let mqttPasswordVariable = "WITHINGS2MQTT_MQTT_PASSWORD"
    /// Environment variable for `withings.client_secret`.
    static let clientSecretVariable = "WITHINGS2MQTT_CLIENT_SECRET"
    /// Environment variable for `webhook.secret`.
    static let webhookSecretVariable = "WITHINGS2MQTT_WEBHOOK_SECRET"
}
