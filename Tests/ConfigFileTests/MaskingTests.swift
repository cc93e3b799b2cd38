import ConfigFile
import Foundation
import Testing

@Suite struct MaskingTests {
    static let secrets = ["broker-password-XYZ", "client-secret-XYZ", "webhook-secret-XYZ-0123456789"]

    static let yaml = """
        mqtt:
          username: bridge
          password: broker-password-XYZ
        withings:
          client_id: abc123
          client_secret: client-secret-XYZ
          redirect_uri: https://bridge.example.com/withings2mqtt/oauth/callback
        accounts:
          - name: alice
            display_name: "Alice: the first"
        webhook:
          enabled: true
          public_url: http://127.0.0.1:8484/
          secret: webhook-secret-XYZ-0123456789
        """

    @Test func effectiveSettingsNeverShowASecret() throws {
        let loaded = try ConfigTestSupport.load(Self.yaml)
        let text = EffectiveSettingsPrinter().render(loaded)
        for secret in Self.secrets {
            #expect(!text.contains(secret))
            #expect(!text.contains(String(secret.prefix(8))))
        }
        #expect(text.contains("  password: ********  # from the config file\n"))
        #expect(text.contains("  client_secret: ********  # from the config file\n"))
        #expect(text.contains("  secret: ********  # from the config file\n"))
        #expect(text.contains("  callback_url: http://127.0.0.1:8484/webhook/********  # derived\n"))
    }

    @Test func effectiveSettingsShowDefaultsAndSources() throws {
        let directory = try ConfigTestSupport.makeTemporaryDirectory()
        let passwordPath = try ConfigTestSupport.write("pw-from-file\n", to: "pw", in: directory)
        let yaml = ConfigTestSupport.minimalYAML + "\nmqtt:\n  port: 1884\n  password_file: pw\n"
        let loaded = try ConfigTestSupport.load(
            yaml, environment: ["WITHINGS2MQTT_CLIENT_SECRET": "from-env-secret"], directory: directory.path)
        let text = EffectiveSettingsPrinter().render(loaded)
        #expect(text.hasPrefix("# withings2mqtt effective settings from test.yaml\n"))
        #expect(text.contains("mqtt:\n  host: localhost  # default\n  port: 1884\n"))
        #expect(text.contains("  password: ********  # from file \(passwordPath)\n"))
        #expect(text.contains("  client_secret: ********  # from env WITHINGS2MQTT_CLIENT_SECRET\n"))
        #expect(text.contains("  secret: (not set)  # generated on first start and kept in state_dir\n"))
        #expect(text.contains("  interval: 600  # default without webhooks: 10 min\n"))
        #expect(text.contains("timezone: null  # the system zone\n"))
        #expect(text.contains("accounts:\n  - name: alice\n"))
        #expect(!text.contains("pw-from-file"))
        #expect(!text.contains("from-env-secret"))
    }

    @Test func warningsAreListedAsComments() throws {
        let text = EffectiveSettingsPrinter().render(try ConfigTestSupport.load(Self.yaml))
        #expect(
            text.hasSuffix(
                "# warning: webhook.public_url (line 13): uses http; Withings only calls https URLs on port 443 "
                    + "(fine for the emulator and tests)\n"))
    }

    @Test func maskedDescriptionOfABareConfiguration() throws {
        let configuration = try ConfigTestSupport.load(Self.yaml).configuration
        let text = configuration.maskedDescription()
        for secret in Self.secrets { #expect(!text.contains(secret)) }
        #expect(text.hasPrefix("mqtt:\n  host: localhost\n"))
        #expect(text.contains("    display_name: \"Alice: the first\"\n"))
        #expect(text.contains("  password: ********\n"))
    }

    @Test func problemsNeverShowASecret() {
        let broken = Self.yaml
            .replacingOccurrences(
                of: "secret: webhook-secret-XYZ-0123456789", with: "secret: webhook/secret-XYZ-0123456789"
            )
            .replacingOccurrences(of: "  password: broker-password-XYZ", with: "  password: {x: broker-password-XYZ}")
            .replacingOccurrences(of: "client_secret: client-secret-XYZ", with: "client_secert: client-secret-XYZ")
        let problems = ConfigTestSupport.problems(broken)
        #expect(problems.count == 4)
        for problem in problems {
            for secret in Self.secrets + ["webhook/secret"] { #expect(!problem.contains(secret)) }
        }
    }

    @Test func syntaxErrorsDoNotQuoteTheLine() {
        let problems = ConfigTestSupport.problems("mqtt:\n  password: \"broker-password-XYZ\n")
        #expect(problems.count == 1)
        #expect(!problems[0].contains("broker-password"))
    }
}
