import ConfigFile
import Testing

/// One broken file and the exact problems it must produce.
struct BrokenConfig: CustomTestStringConvertible, Sendable {
    let name: String
    let yaml: String
    let expected: [String]
    var testDescription: String { name }

    /// A case whose file is the minimal valid file followed by `extra`.
    static func appending(_ name: String, _ extra: String, _ expected: [String]) -> BrokenConfig {
        BrokenConfig(name: name, yaml: ConfigTestSupport.minimalYAML + "\n" + extra, expected: expected)
    }
}

@Suite struct BrokenConfigCorpusTests {
    // The minimal file has 6 lines, so keys appended after it start at line 7.
    static let corpus: [BrokenConfig] = [
        BrokenConfig(
            name: "bad YAML", yaml: "mqtt:\n  host: [unclosed\n  port: 1883\n",
            expected: ["line 3, column 7: YAML syntax error: did not find expected ',' or ']'"]),
        BrokenConfig(
            name: "mapping value where none is allowed", yaml: "mqtt:\n  host: a: b\n",
            expected: ["line 2, column 10: YAML syntax error: mapping values are not allowed in this context"]),
        BrokenConfig(
            name: "duplicated key", yaml: ConfigTestSupport.minimalYAML + "\nunits: metric\nunits: imperial\n",
            expected: ["line 7: the key units appears twice in the same section; keep only one"]),
        BrokenConfig(
            name: "not a mapping", yaml: "- alice\n- bob\n",
            expected: [
                "line 1: the file must be a YAML mapping with sections like mqtt:, withings: and accounts:, got a list"
            ]),
        BrokenConfig(
            name: "empty file", yaml: "",
            expected: [
                "withings.client_id: missing; set it to your Withings developer app's client id",
                "withings.redirect_uri: missing; set it to the callback URL registered with your Withings developer "
                    + "app, e.g. https://bridge.example.com/withings2mqtt/oauth/callback",
                "accounts: missing; at least one account is required, e.g. accounts: [{name: alice}]",
                "withings.client_secret: missing; set withings.client_secret, withings.client_secret_file or the "
                    + "environment variable WITHINGS2MQTT_CLIENT_SECRET",
            ]),
        .appending(
            "wrong types", "mqtt:\n  port: abc\n  tls: maybe\n  host: [a, b]\nwebhook: yes\n",
            [
                "mqtt.port (line 8): \"abc\" is not a whole number; allowed: 1 to 65535",
                "mqtt.tls (line 9): \"maybe\" is not a boolean; allowed: true or false",
                "mqtt.host (line 10): expected a text value, got a list",
                "webhook (line 11): expected a section of keys, got \"yes\"",
            ]),
        BrokenConfig(
            name: "accounts not a list",
            yaml: ConfigTestSupport.minimalYAML.replacingOccurrences(of: "  - name: alice", with: "  name: alice"),
            expected: [
                "accounts (line 5): expected a list of accounts, got a section of keys; e.g. accounts: [{name: alice}]"
            ]),
        .appending(
            "unknown keys", "mqtt:\n  hots: broker\n  baseTopic: x\n  colour: red\nbase_topic: y\n",
            [
                "mqtt.hots (line 8): unknown key; did you mean mqtt.host?",
                "mqtt.baseTopic (line 9): unknown key; did you mean mqtt.base_topic?",
                "mqtt.colour (line 10): unknown key; allowed here: host, port, tls, ca_file, cert_file, key_file, "
                    + "username, password, password_file, client_id, keepalive, base_topic, discovery_prefix, "
                    + "discovery, status_topic",
                "base_topic (line 11): unknown key here; did you mean mqtt.base_topic?",
            ]),
        .appending(
            "misspelt secret key does not show its value", "webhook:\n  secert: hunter2-topsecret\n",
            ["webhook.secert (line 8): unknown key; did you mean webhook.secret?"]),
        BrokenConfig(
            name: "bad account names",
            yaml: ConfigTestSupport.minimalYAML + "\n  - Bob Smith\n  - alice\n  - {display_name: X}\n",
            expected: [
                "accounts[1].name (line 7): \"Bob Smith\" is not allowed; use lowercase letters, digits, _ and - only "
                    + "(e.g. \"bob_smith\")",
                "accounts[2].name (line 8): \"alice\" is already used by accounts[0]; names must be unique",
                "accounts[3].name: missing; every account needs a name, e.g. accounts: [{name: alice}]",
            ]),
        BrokenConfig(
            name: "empty account list",
            yaml: ConfigTestSupport.minimalYAML.replacingOccurrences(
                of: "accounts:\n  - name: alice", with: "accounts: []"),
            expected: [
                "accounts (line 5): the list is empty; at least one account is required, e.g. accounts: [{name: alice}]"
            ]),
        .appending(
            "ports out of range", "mqtt:\n  port: 70000\n  keepalive: 2\nwebhook:\n  listen: 0.0.0.0:99999\n",
            [
                "mqtt.port (line 8): 70000 is out of range; allowed: 1 to 65535",
                "mqtt.keepalive (line 9): 2 is out of range; allowed: 5 to 65535 seconds",
                "webhook.listen (line 11): \"0.0.0.0:99999\" is not host:port; allowed: e.g. 0.0.0.0:8484, "
                    + "127.0.0.1:8484 or [::]:8484 with a port from 1 to 65535",
            ]),
        .appending(
            "listen without a host", "webhook:\n  listen: \"8484\"\n",
            [
                "webhook.listen (line 8): \"8484\" is not host:port; allowed: e.g. 0.0.0.0:8484, 127.0.0.1:8484 "
                    + "or [::]:8484 with a port from 1 to 65535"
            ]),
        BrokenConfig(
            name: "URLs not http(s)",
            yaml: ConfigTestSupport.minimalYAML.replacingOccurrences(
                of: "https://bridge.example.com/withings2mqtt/oauth/callback",
                with: "bridge/callback\n  api_url: ftp://wbsapi.withings.net"),
            expected: [
                "withings.redirect_uri (line 4): \"bridge/callback\" is not an http(s) URL; allowed: http://host/… "
                    + "or https://host/…",
                "withings.api_url (line 5): \"ftp://wbsapi.withings.net\" is not an http(s) URL; allowed: "
                    + "http://host/… or https://host/…",
            ]),
        .appending(
            "webhook enabled without public URL", "webhook:\n  enabled: true\n",
            [
                "webhook.public_url: missing; required when webhook.enabled is true: the https URL Withings calls, "
                    + "e.g. https://bridge.example.com/withings2mqtt"
            ]),
        .appending(
            "public URL with a query", "webhook:\n  public_url: https://example.com/x?a=1\n",
            ["webhook.public_url (line 8): must not have a ?query or #fragment; allowed: scheme, host, port and path"]),
        .appending(
            "base topic equals the discovery prefix", "mqtt:\n  base_topic: homeassistant\n",
            [
                "mqtt.base_topic (line 8): \"homeassistant\" equals mqtt.discovery_prefix; allowed: a topic outside "
                    + "the discovery prefix, e.g. withings2mqtt"
            ]),
        .appending(
            "base topic inside the discovery prefix", "mqtt:\n  base_topic: homeassistant/withings\n",
            [
                "mqtt.base_topic (line 8): \"homeassistant/withings\" lies inside mqtt.discovery_prefix "
                    + "\"homeassistant\"; allowed: a topic outside it, e.g. withings2mqtt"
            ]),
        .appending(
            "discovery prefix inside the base topic", "mqtt:\n  base_topic: home\n  discovery_prefix: home/ha\n",
            [
                "mqtt.discovery_prefix (line 9): \"home/ha\" lies inside mqtt.base_topic \"home\"; allowed: a prefix "
                    + "outside it, e.g. homeassistant"
            ]),
        .appending(
            "bad topics", "mqtt:\n  base_topic: \"\"\n  discovery_prefix: ha/+/x\n  status_topic: ha/#\n",
            [
                "mqtt.base_topic (line 8): is empty; allowed: topic levels joined by /, without + or #, "
                    + "e.g. withings2mqtt",
                "mqtt.discovery_prefix (line 9): \"ha/+/x\" contains a wildcard (+ or #); allowed: topic levels "
                    + "joined by /, without + or #, e.g. homeassistant",
                "mqtt.status_topic (line 10): \"ha/#\" contains a wildcard (+ or #); allowed: topic levels joined "
                    + "by /, without + or #, e.g. homeassistant/status",
            ]),
        .appending(
            "poll interval too short", "poll:\n  interval: 30\n",
            [
                "poll.interval (line 8): 30 s is too short; allowed: 60 s or more (Withings allows 120 requests a "
                    + "minute per app)"
            ]),
        .appending(
            "poll interval not a duration", "poll:\n  interval: ten minutes\n",
            [
                "poll.interval (line 8): \"ten minutes\" is not a duration; allowed: seconds (600) or a number with "
                    + "s, m, h or d (10m, 2h)"
            ]),
        .appending(
            "unknown units and log level", "units: metrik\nlog_level: verbose\n",
            [
                "units (line 7): \"metrik\" is not allowed; allowed: metric, imperial (did you mean metric?)",
                "log_level (line 8): \"verbose\" is not allowed; allowed: trace, debug, info, notice, warning, error, "
                    + "critical",
            ]),
        .appending(
            "unknown time zone", "timezone: Mars/Olympus_Mons\n",
            [
                "timezone (line 7): \"Mars/Olympus_Mons\" is not an IANA time zone; allowed: a name like Europe/Paris "
                    + "or America/New_York, or remove the key to use the system zone"
            ]),
        .appending(
            "unreadable secret files",
            "mqtt:\n  password_file: /nonexistent/mqtt_password\nwebhook:\n  secret_file: /tmp\n",
            [
                "mqtt.password_file (line 8): cannot use /nonexistent/mqtt_password: it does not exist; point it at "
                    + "a readable file holding only the secret",
                "webhook.secret_file (line 10): cannot use /tmp: it is a directory, not a file; point it at a "
                    + "readable file holding only the secret",
            ]),
        .appending(
            "TLS files missing",
            "mqtt:\n  tls: true\n  ca_file: /nonexistent/ca.pem\n  cert_file: /nonexistent/c.pem\n",
            [
                "mqtt.ca_file (line 9): cannot use /nonexistent/ca.pem: it does not exist; allowed: a readable PEM file",
                "mqtt.cert_file (line 10): cannot use /nonexistent/c.pem: it does not exist; allowed: a readable "
                    + "PEM file",
                "mqtt.key_file: missing; a client certificate needs both mqtt.cert_file and mqtt.key_file",
            ]),
        .appending(
            "host with a scheme", "mqtt:\n  host: mqtt://broker.lan\n",
            [
                "mqtt.host (line 8): \"mqtt://broker.lan\" is not a host name; allowed: a name or IP only, "
                    + "e.g. localhost (set the port with mqtt.port and TLS with mqtt.tls)"
            ]),
        .appending(
            "webhook secret with a slash is masked", "webhook:\n  secret: abc/defghijklmnopqrstu\n",
            [
                "webhook.secret (line 8): ******** contains characters not allowed in a URL path segment; allowed: "
                    + "A-Z a-z 0-9 . _ ~ -"
            ]),
        .appending(
            "secret of the wrong type is masked", "mqtt:\n  password: [hunter2-topsecret]\n",
            ["mqtt.password (line 8): expected a text value, got a list"]),
    ]

    @Test(arguments: corpus)
    func brokenFileGivesExactlyTheExpectedProblems(_ broken: BrokenConfig) {
        #expect(ConfigTestSupport.problems(broken.yaml) == broken.expected)
    }

    @Test func everyProblemOfAFileIsReportedAtOnce() {
        let yaml = """
            mqtt:
              port: 0
              base_topic: homeassistant
            withings:
              client_id: x
              redirect_uri: nope
            accounts: [Alice]
            units: furlongs
            """
        let problems = ConfigTestSupport.problems(yaml)
        #expect(problems.count == 6)
        #expect(problems.first == "mqtt.port (line 2): 0 is out of range; allowed: 1 to 65535")
        #expect(problems.last?.hasPrefix("withings.client_secret: missing") == true)
    }

    @Test func errorDescriptionIsOneProblemPerLine() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigTestSupport.load("units: x\nlog_level: y\n")
        }
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == error.problems.count)
        #expect(error.problems.count == 6)
        #expect(error.report.hasPrefix("test.yaml: 6 problems\n  "))
    }
}
