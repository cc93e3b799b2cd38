import ConfigFile
import Testing

@Suite struct ConfigurationPathTests {
    @Test func flagWinsOverEnvironmentAndDefault() {
        let path = ConfigurationPath.resolve(flag: "/a.yaml", environment: ["WITHINGS2MQTT_CONFIG": "/b.yaml"])
        #expect(path == ConfigurationPath(path: "/a.yaml", origin: .flag))
    }

    @Test func environmentWinsOverDefault() {
        let path = ConfigurationPath.resolve(flag: nil, environment: ["WITHINGS2MQTT_CONFIG": "/b.yaml"])
        #expect(path == ConfigurationPath(path: "/b.yaml", origin: .environment))
    }

    @Test func defaultWhenNeitherIsGiven() {
        #expect(ConfigurationPath.resolve(flag: nil, environment: [:]).path == "/etc/withings2mqtt/config.yaml")
        #expect(ConfigurationPath.resolve(flag: "", environment: ["WITHINGS2MQTT_CONFIG": ""]).origin == .defaultPath)
    }

    @Test func loadFollowsTheEnvironmentVariable() throws {
        let directory = try ConfigTestSupport.makeTemporaryDirectory()
        let path = try ConfigTestSupport.write(ConfigTestSupport.minimalYAML, to: "c.yaml", in: directory)
        let loaded = try ConfigurationLoader(environment: ["WITHINGS2MQTT_CONFIG": path]).load(flag: nil)
        #expect(loaded.path == path)
        #expect(loaded.configuration.accounts.map(\.name) == ["alice"])
    }

    @Test func missingFileIsOneClearProblem() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: [:]).load(path: "/nonexistent/w2m.yaml")
        }
        do {
            _ = try ConfigurationLoader(environment: [:]).load(path: "/nonexistent/w2m.yaml")
        } catch {
            #expect(
                error.description == "cannot read the configuration file: it does not exist "
                    + "(pass --config FILE or set WITHINGS2MQTT_CONFIG)")
            #expect(error.report.hasPrefix("/nonexistent/w2m.yaml: 1 problem\n"))
        }
    }
}
