import ConfigFile
import Foundation
import Testing

@Suite struct ConfigurationDefaultsTests {
    @Test func minimalFileGetsEveryDefault() throws {
        let loaded = try ConfigTestSupport.load(ConfigTestSupport.minimalYAML)
        let configuration = loaded.configuration
        #expect(configuration.mqtt == Configuration.MQTT())
        #expect(configuration.withings.apiURL == "https://wbsapi.withings.net")
        #expect(configuration.withings.authorizeURL == "https://account.withings.com/oauth2_user/authorize2")
        #expect(configuration.withings.rateLimitPerMinute == 120)
        #expect(configuration.withings.clientID == "abc123")
        #expect(configuration.withings.clientSecret == "inline-client-secret-value")
        #expect(configuration.webhook == Configuration.Webhook())
        #expect(configuration.poll.interval == nil)
        #expect(configuration.effectivePollInterval == 600)
        #expect(configuration.stateDirectory == "/var/lib/withings2mqtt")
        #expect(configuration.timezone == nil)
        #expect(configuration.units == .metric)
        #expect(configuration.logLevel == "info")
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.secretSources == SecretSources(clientSecret: .configuration))
        #expect(loaded.explicitKeys.contains("withings.client_id"))
        #expect(!loaded.explicitKeys.contains("mqtt.port"))
    }

    @Test func exampleFileAtTheRepositoryRootIsValid() throws {
        let path = ConfigTestSupport.repositoryRoot().appendingPathComponent("config.example.yaml").path
        let loaded = try ConfigurationLoader(environment: [:]).load(path: path)
        #expect(
            loaded.configuration.accounts == [
                Configuration.Account(name: "alice", displayName: "Alice"), Configuration.Account(name: "bob"),
            ])
        #expect(loaded.configuration.webhook.publicURL == "https://bridge.example.com/withings2mqtt")
        #expect(loaded.configuration.mqtt.statusTopic == "homeassistant/status")
        #expect(loaded.warnings.isEmpty)
    }

    @Test func explicitValuesAreKept() throws {
        let yaml = """
            mqtt:
              host: broker.lan
              port: "1884"
              username: bridge
              password: broker-password-123
              base_topic: home/withings
              discovery_prefix: ha
              discovery: no
              keepalive: 30
            withings:
              client_id: 4567
              client_secret: s
              redirect_uri: http://127.0.0.1:8484/oauth/callback
              api_url: http://127.0.0.1:9999
              skip_ambiguous: false
            accounts: [alice, {name: bob-2, display_name: Bob}]
            webhook:
              enabled: true
              listen: "[::1]:9000"
              public_url: https://hooks.example.com/w2m/
              secret: abcdefghijklmnopqrstuvwxyz012345
            poll: {interval: 15m}
            state_dir: ./state
            timezone: Europe/Paris
            units: Imperial
            log_level: debug
            """
        let configuration = try ConfigTestSupport.load(yaml).configuration
        #expect(configuration.mqtt.host == "broker.lan")
        #expect(configuration.mqtt.port == 1884)
        #expect(configuration.mqtt.password == "broker-password-123")
        #expect(configuration.mqtt.baseTopic == "home/withings")
        #expect(configuration.mqtt.statusTopic == "ha/status")
        #expect(configuration.mqtt.discovery == false)
        #expect(configuration.mqtt.keepalive == 30)
        #expect(configuration.withings.clientID == "4567")
        #expect(configuration.withings.skipAmbiguous == false)
        #expect(
            configuration.accounts == [
                Configuration.Account(name: "alice"), Configuration.Account(name: "bob-2", displayName: "Bob"),
            ])
        #expect(configuration.webhook.listenHost == "::1")
        #expect(configuration.webhook.listenPort == 9000)
        #expect(configuration.webhook.publicURL == "https://hooks.example.com/w2m")
        #expect(configuration.poll.interval == 900)
        #expect(configuration.effectivePollInterval == 900)
        #expect(configuration.stateDirectory == "./state")
        #expect(configuration.timezone == "Europe/Paris")
        #expect(configuration.units == .imperial)
        #expect(configuration.logLevel == "debug")
    }

    @Test func webhooksChangeThePollDefault() throws {
        let yaml =
            ConfigTestSupport.minimalYAML + """

                webhook:
                  enabled: true
                  public_url: https://bridge.example.com/withings2mqtt
                """
        let configuration = try ConfigTestSupport.load(yaml).configuration
        #expect(configuration.poll.interval == nil)
        #expect(configuration.effectivePollInterval == 7200)
    }

    @Test func tlsDefaultsToPort8883AndResolvesRelativePaths() throws {
        let directory = try ConfigTestSupport.makeTemporaryDirectory()
        try ConfigTestSupport.write("-----BEGIN CERTIFICATE-----\n", to: "ca.pem", in: directory)
        let yaml =
            ConfigTestSupport.minimalYAML + """

                mqtt:
                  tls: true
                  ca_file: ca.pem
                """
        let configuration = try ConfigTestSupport.load(yaml, directory: directory.path).configuration
        #expect(configuration.mqtt.port == 8883)
        #expect(configuration.mqtt.caFile == directory.appendingPathComponent("ca.pem").path)
    }

    @Test func httpPublicURLIsAWarningNotAnError() throws {
        let yaml =
            ConfigTestSupport.minimalYAML + """

                webhook:
                  enabled: true
                  public_url: http://127.0.0.1:8484
                """
        let loaded = try ConfigTestSupport.load(yaml)
        #expect(
            loaded.warnings.map(\.description) == [
                "webhook.public_url (line 9): uses http; Withings only calls https URLs on port 443 "
                    + "(fine for the emulator and tests)"
            ])
    }

    @Test func httpsOnAnotherPortOrAnIPIsWarned() throws {
        let yaml =
            ConfigTestSupport.minimalYAML + """

                webhook:
                  public_url: https://10.0.0.2:8443/x
                  secret: short
                """
        let warnings = try ConfigTestSupport.load(yaml).warnings.map(\.description)
        #expect(
            warnings == [
                "webhook.public_url (line 8): uses port 8443; Withings only calls https URLs on port 443",
                "webhook.public_url (line 8): host 10.0.0.2 is not a public DNS name; Withings refuses IP addresses "
                    + "and localhost",
                "webhook.secret (line 9): is shorter than 16 characters; anyone who guesses it can send fake bed events",
            ])
    }
}
