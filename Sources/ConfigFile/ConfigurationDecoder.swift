/// Reads the YAML tree into a `DecodedConfiguration`: types, unknown keys and required keys.
struct ConfigurationDecoder {
    /// Where problems go.
    let collector: ProblemCollector
    private var reader: YAMLValueReader { YAMLValueReader(collector: collector) }

    /// Creates a decoder reporting to `collector`.
    init(collector: ProblemCollector) {
        self.collector = collector
    }

    /// Decodes the document's root (nil for an empty file); nil when the root is not a mapping at all.
    func decode(_ root: YAMLNode?) -> DecodedConfiguration? {
        let empty = Configuration.Withings(clientID: "", clientSecret: "", redirectURI: "")
        var decoded = DecodedConfiguration(configuration: Configuration(withings: empty, accounts: []))
        if let root, !root.isNull {
            guard case .mapping = root.content else {
                collector.problem(
                    ConfigurationProblem(
                        keyPath: nil, line: root.line,
                        message: "the file must be a YAML mapping with sections like mqtt:, withings: and accounts:, "
                            + "got \(YAMLValueReader.describe(root))"))
                return nil
            }
        }
        guard let top = reader.section(root, at: "", keys: ConfigurationSchema.topLevel) else { return decoded }
        if let mqtt = reader.section(top["mqtt"], at: "mqtt", keys: ConfigurationSchema.mqtt) {
            decodeMQTT(mqtt, into: &decoded)
        }
        if let withings = reader.section(top["withings"], at: "withings", keys: ConfigurationSchema.withings) {
            decodeWithings(withings, into: &decoded)
        }
        decoded.configuration.accounts = decodeAccounts(top["accounts"])
        if let webhook = reader.section(top["webhook"], at: "webhook", keys: ConfigurationSchema.webhook) {
            decodeWebhook(webhook, into: &decoded)
        }
        if let poll = reader.section(top["poll"], at: "poll", keys: ConfigurationSchema.poll) {
            decoded.configuration.poll.interval = reader.seconds(poll, "interval")
        }
        decodeGeneral(top, into: &decoded.configuration)
        return decoded
    }

    private func decodeMQTT(_ section: YAMLSection, into decoded: inout DecodedConfiguration) {
        var mqtt = decoded.configuration.mqtt
        mqtt.host = reader.string(section, "host") ?? mqtt.host
        mqtt.tls = reader.bool(section, "tls") ?? mqtt.tls
        // A TLS broker listens on 8883 unless told otherwise.
        if mqtt.tls { mqtt.port = 8883 }
        mqtt.port = reader.int(section, "port", allowed: "1 to 65535") ?? mqtt.port
        mqtt.caFile = reader.string(section, "ca_file")
        mqtt.certFile = reader.string(section, "cert_file")
        mqtt.keyFile = reader.string(section, "key_file")
        mqtt.username = reader.string(section, "username")
        decoded.mqttPassword.value = reader.string(section, "password", secret: true)
        decoded.mqttPassword.file = reader.string(section, "password_file")
        mqtt.clientID = reader.string(section, "client_id") ?? mqtt.clientID
        mqtt.keepalive = reader.int(section, "keepalive", allowed: "5 to 65535 seconds") ?? mqtt.keepalive
        mqtt.baseTopic = reader.string(section, "base_topic") ?? mqtt.baseTopic
        mqtt.discoveryPrefix = reader.string(section, "discovery_prefix") ?? mqtt.discoveryPrefix
        mqtt.discovery = reader.bool(section, "discovery") ?? mqtt.discovery
        mqtt.statusTopic = reader.string(section, "status_topic") ?? "\(mqtt.discoveryPrefix)/status"
        decoded.configuration.mqtt = mqtt
    }

    private func decodeWithings(_ section: YAMLSection, into decoded: inout DecodedConfiguration) {
        var withings = decoded.configuration.withings
        withings.clientID = reader.string(section, "client_id") ?? ""
        decoded.clientSecret.value = reader.string(section, "client_secret", secret: true)
        decoded.clientSecret.file = reader.string(section, "client_secret_file")
        withings.redirectURI = reader.string(section, "redirect_uri") ?? ""
        withings.apiURL = reader.string(section, "api_url") ?? withings.apiURL
        withings.authorizeURL = reader.string(section, "authorize_url") ?? withings.authorizeURL
        withings.rateLimitPerMinute =
            reader.int(section, "rate_limit_per_minute", allowed: "1 to 120") ?? withings.rateLimitPerMinute
        withings.skipAmbiguous = reader.bool(section, "skip_ambiguous") ?? withings.skipAmbiguous
        if section["client_id"] == nil {
            collector.problem("withings.client_id", "missing; set it to your Withings developer app's client id")
        }
        if section["redirect_uri"] == nil {
            collector.problem(
                "withings.redirect_uri",
                "missing; set it to the callback URL registered with your Withings developer app, "
                    + "e.g. https://bridge.example.com/withings2mqtt/oauth/callback")
        }
        decoded.configuration.withings = withings
    }

    private func decodeAccounts(_ node: YAMLNode?) -> [Configuration.Account] {
        let example = "e.g. accounts: [{name: alice}]"
        guard let node, !node.isNull else {
            collector.problem("accounts", "missing; at least one account is required, \(example)")
            return []
        }
        guard case .sequence(let items) = node.content else {
            collector.problem(
                "accounts", "expected a list of accounts, got \(YAMLValueReader.describe(node)); \(example)")
            return []
        }
        if items.isEmpty {
            collector.problem("accounts", "the list is empty; at least one account is required, \(example)")
        }
        var accounts: [Configuration.Account] = []
        for (index, item) in items.enumerated() {
            let path = "accounts[\(index)]"
            collector.lines[path] = item.line
            // `- alice` is shorthand for `- name: alice`.
            if let name = item.text {
                collector.lines["\(path).name"] = item.line
                accounts.append(Configuration.Account(name: name))
                continue
            }
            guard let section = reader.section(item, at: path, keys: ConfigurationSchema.account) else { continue }
            guard let name = reader.string(section, "name") else {
                if section["name"] == nil {
                    collector.problem("\(path).name", "missing; every account needs a name, \(example)")
                }
                continue
            }
            accounts.append(Configuration.Account(name: name, displayName: reader.string(section, "display_name")))
        }
        return accounts
    }

    private func decodeWebhook(_ section: YAMLSection, into decoded: inout DecodedConfiguration) {
        var webhook = decoded.configuration.webhook
        webhook.enabled = reader.bool(section, "enabled") ?? webhook.enabled
        if let listen = reader.string(section, "listen") {
            if let address = ListenAddress(parsing: listen) {
                webhook.listenHost = address.host
                webhook.listenPort = address.port
            } else {
                collector.problem(
                    "webhook.listen",
                    "\"\(listen)\" is not host:port; allowed: e.g. 0.0.0.0:8484, 127.0.0.1:8484 or [::]:8484 "
                        + "with a port from 1 to 65535")
            }
        }
        webhook.publicURL = reader.string(section, "public_url")
        decoded.webhookSecret.value = reader.string(section, "secret", secret: true)
        decoded.webhookSecret.file = reader.string(section, "secret_file")
        decoded.configuration.webhook = webhook
    }

    private func decodeGeneral(_ top: YAMLSection, into configuration: inout Configuration) {
        configuration.stateDirectory = reader.string(top, "state_dir") ?? configuration.stateDirectory
        configuration.timezone = reader.string(top, "timezone")
        if let units = reader.choice(top, "units", allowed: Configuration.Units.allCases.map(\.rawValue)) {
            configuration.units = Configuration.Units(rawValue: units) ?? .metric
        }
        configuration.logLevel = reader.choice(top, "log_level", allowed: ConfigurationSchema.logLevels) ?? "info"
    }
}
