/// Renders the effective settings as YAML-like text for `check-config`: defaults marked, secrets masked.
public struct EffectiveSettingsPrinter: Sendable {
    /// Creates a printer.
    public init() {}

    /// The effective settings of a loaded configuration, with where each secret came from and any warnings.
    public func render(_ loaded: LoadedConfiguration) -> String {
        var out = SettingsText(explicitKeys: loaded.explicitKeys, markDefaults: true)
        out.comment("withings2mqtt effective settings" + (loaded.path.map { " from \($0)" } ?? ""))
        out.comment("\"default\" marks values not set in the file; secrets are never shown")
        renderBody(loaded.configuration, sources: loaded.secretSources, into: &out)
        for warning in loaded.warnings { out.comment("warning: \(warning.description)") }
        return out.text
    }

    /// The settings of a bare configuration (secret sources unknown, defaults not marked).
    public func render(_ configuration: Configuration) -> String {
        var out = SettingsText(explicitKeys: [], markDefaults: false)
        renderBody(configuration, sources: nil, into: &out)
        return out.text
    }

    private func renderBody(_ configuration: Configuration, sources: SecretSources?, into out: inout SettingsText) {
        let mqtt = configuration.mqtt
        out.section("mqtt")
        out.value("mqtt.host", mqtt.host)
        out.value("mqtt.port", mqtt.port)
        out.value("mqtt.tls", mqtt.tls)
        out.value("mqtt.ca_file", mqtt.caFile)
        out.value("mqtt.cert_file", mqtt.certFile)
        out.value("mqtt.key_file", mqtt.keyFile)
        out.value("mqtt.username", mqtt.username)
        out.secret("mqtt.password", mqtt.password, source: sources?.mqttPassword)
        out.value("mqtt.client_id", mqtt.clientID)
        out.value("mqtt.keepalive", mqtt.keepalive)
        out.value("mqtt.base_topic", mqtt.baseTopic)
        out.value("mqtt.discovery_prefix", mqtt.discoveryPrefix)
        out.value("mqtt.discovery", mqtt.discovery)
        out.value("mqtt.status_topic", mqtt.statusTopic)

        let withings = configuration.withings
        out.section("withings")
        out.value("withings.client_id", withings.clientID)
        out.secret(
            "withings.client_secret", withings.clientSecret.isEmpty ? nil : withings.clientSecret,
            source: sources?.clientSecret)
        out.value("withings.redirect_uri", withings.redirectURI)
        out.value("withings.api_url", withings.apiURL)
        out.value("withings.authorize_url", withings.authorizeURL)
        out.value("withings.rate_limit_per_minute", withings.rateLimitPerMinute)
        out.value("withings.skip_ambiguous", withings.skipAmbiguous)

        out.section("accounts")
        for account in configuration.accounts {
            out.listItem("name", account.name)
            if let displayName = account.displayName { out.listContinuation("display_name", displayName) }
        }

        let webhook = configuration.webhook
        out.section("webhook")
        out.value("webhook.enabled", webhook.enabled)
        out.value("webhook.listen", ListenText.format(host: webhook.listenHost, port: webhook.listenPort))
        out.value("webhook.public_url", webhook.publicURL)
        if let publicURL = webhook.publicURL {
            out.value("webhook.callback_url", "\(publicURL)/webhook/\(Masking.mask)", note: "derived")
        }
        let secretNote = webhook.secret == nil ? "generated on first start and kept in state_dir" : nil
        out.secret("webhook.secret", webhook.secret, source: sources?.webhookSecret, note: secretNote)

        out.section("poll")
        let pollNote = webhook.enabled ? "default with webhooks: 2 h" : "default without webhooks: 10 min"
        out.value(
            "poll.interval", configuration.effectivePollInterval,
            note: configuration.poll.interval == nil ? pollNote : nil)

        out.value("state_dir", configuration.stateDirectory)
        out.value("timezone", configuration.timezone, note: configuration.timezone == nil ? "the system zone" : nil)
        out.value("units", configuration.units.rawValue)
        out.value("log_level", configuration.logLevel)
    }
}

extension Configuration {
    /// The effective settings as YAML-like text with every secret shown as `********` or `(not set)`.
    public func maskedDescription() -> String {
        EffectiveSettingsPrinter().render(self)
    }
}
