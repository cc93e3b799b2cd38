import ArgumentParser
import ConfigFile
import FoundationEssentials

/// The `--config` option shared by every subcommand, and loading with clear errors.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Configuration file (default: $WITHINGS2MQTT_CONFIG, else /etc/withings2mqtt/config.yaml).")
    var config: String?

    /// Loads and validates the configuration; on problems prints one line each to stderr and exits 2.
    func load() throws -> LoadedConfiguration {
        do {
            return try ConfigurationLoader(environment: ProcessInfo.processInfo.environment).load(flag: config)
        } catch {
            Console.error(error.report)
            throw ExitCode(2)
        }
    }
}
