import ConfigFile
import Foundation
import Testing

@Suite struct SecretPrecedenceTests {
    static let withFiles = """
        mqtt:
          username: bridge
          password_file: secrets/mqtt
        withings:
          client_id: abc123
          client_secret_file: /SECRETS/client
          redirect_uri: https://bridge.example.com/withings2mqtt/oauth/callback
        accounts: [alice]
        webhook:
          secret: inline-webhook-secret-0123456789
        """

    private func directoryWithSecrets() throws -> URL {
        let directory = try ConfigTestSupport.makeTemporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("secrets"), withIntermediateDirectories: true)
        try ConfigTestSupport.write("mqtt-from-file\n", to: "secrets/mqtt", in: directory)
        try ConfigTestSupport.write("client-from-file\r\n\n", to: "secrets/client", in: directory)
        return directory
    }

    private func yaml(in directory: URL) -> String {
        Self.withFiles.replacingOccurrences(of: "/SECRETS", with: directory.appendingPathComponent("secrets").path)
    }

    @Test func filesAreReadAndTrailingNewlinesTrimmed() throws {
        let directory = try directoryWithSecrets()
        let loaded = try ConfigTestSupport.load(yaml(in: directory), directory: directory.path)
        #expect(loaded.configuration.mqtt.password == "mqtt-from-file")
        #expect(loaded.configuration.withings.clientSecret == "client-from-file")
        #expect(loaded.configuration.webhook.secret == "inline-webhook-secret-0123456789")
        let secrets = directory.appendingPathComponent("secrets")
        #expect(
            loaded.secretSources
                == SecretSources(
                    mqttPassword: .file(secrets.appendingPathComponent("mqtt").path),
                    clientSecret: .file(secrets.appendingPathComponent("client").path),
                    webhookSecret: .configuration))
    }

    @Test func environmentWinsOverFilesAndInlineValues() throws {
        let directory = try directoryWithSecrets()
        let environment = [
            "WITHINGS2MQTT_MQTT_PASSWORD": "mqtt-from-env",
            "WITHINGS2MQTT_CLIENT_SECRET": "client-from-env",
            "WITHINGS2MQTT_WEBHOOK_SECRET": "webhook-from-env-0123456789",
        ]
        let loaded = try ConfigTestSupport.load(
            yaml(in: directory), environment: environment, directory: directory.path)
        #expect(loaded.configuration.mqtt.password == "mqtt-from-env")
        #expect(loaded.configuration.withings.clientSecret == "client-from-env")
        #expect(loaded.configuration.webhook.secret == "webhook-from-env-0123456789")
        #expect(
            loaded.secretSources
                == SecretSources(
                    mqttPassword: .environment("WITHINGS2MQTT_MQTT_PASSWORD"),
                    clientSecret: .environment("WITHINGS2MQTT_CLIENT_SECRET"),
                    webhookSecret: .environment("WITHINGS2MQTT_WEBHOOK_SECRET")))
    }

    @Test func environmentSuppliesAMissingClientSecret() throws {
        let yaml = ConfigTestSupport.minimalYAML.replacingOccurrences(
            of: "  client_secret: inline-client-secret-value\n", with: "")
        #expect(ConfigTestSupport.problems(yaml).count == 1)
        let loaded = try ConfigTestSupport.load(yaml, environment: ["WITHINGS2MQTT_CLIENT_SECRET": "from-env"])
        #expect(loaded.configuration.withings.clientSecret == "from-env")
    }

    @Test func anEmptyEnvironmentVariableIsIgnoredWithAWarning() throws {
        let loaded = try ConfigTestSupport.load(
            ConfigTestSupport.minimalYAML, environment: ["WITHINGS2MQTT_CLIENT_SECRET": ""])
        #expect(loaded.configuration.withings.clientSecret == "inline-client-secret-value")
        #expect(
            loaded.warnings.map(\.description) == [
                "withings.client_secret (line 3): the environment variable WITHINGS2MQTT_CLIENT_SECRET is set but empty; ignored"
            ])
    }

    @Test func inlineValueAndFileTogetherIsAProblem() throws {
        let directory = try directoryWithSecrets()
        let yaml = ConfigTestSupport.minimalYAML + "\nmqtt:\n  password: x\n  password_file: secrets/mqtt\n"
        #expect(
            ConfigTestSupport.problems(yaml, directory: directory.path) == [
                "mqtt.password_file (line 9): set either mqtt.password or mqtt.password_file, not both"
            ])
    }

    @Test func anEmptySecretFileIsAProblem() throws {
        let directory = try ConfigTestSupport.makeTemporaryDirectory()
        let path = try ConfigTestSupport.write("\n", to: "empty", in: directory)
        let yaml = ConfigTestSupport.minimalYAML + "\nwebhook:\n  secret_file: empty\n"
        #expect(
            ConfigTestSupport.problems(yaml, directory: directory.path) == [
                "webhook.secret_file (line 8): cannot use \(path): it is empty; point it at a readable file holding only "
                    + "the secret"
            ])
    }

    @Test func environmentOverridesAnUnreadableFile() throws {
        let yaml = ConfigTestSupport.minimalYAML + "\nmqtt:\n  password_file: /nonexistent/pw\n"
        let loaded = try ConfigTestSupport.load(yaml, environment: ["WITHINGS2MQTT_MQTT_PASSWORD": "env-pw"])
        #expect(loaded.configuration.mqtt.password == "env-pw")
    }
}
