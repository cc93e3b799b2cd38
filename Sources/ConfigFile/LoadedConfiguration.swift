/// A validated configuration with what `check-config` needs to explain it.
public struct LoadedConfiguration: Sendable, Equatable {
    /// The effective configuration.
    public var configuration: Configuration
    /// Accepted but doubtful settings (e.g. an http public URL); print them, do not fail.
    public var warnings: [ConfigurationProblem]
    /// Where each secret came from.
    public var secretSources: SecretSources
    /// Key paths written in the file (e.g. `mqtt.port`); every other setting is a default.
    public var explicitKeys: Set<String>
    /// The file that was read, nil when loaded from a string.
    public var path: String?

    /// Creates a loaded configuration.
    public init(
        configuration: Configuration, warnings: [ConfigurationProblem] = [],
        secretSources: SecretSources = SecretSources(),
        explicitKeys: Set<String> = [], path: String? = nil
    ) {
        self.configuration = configuration
        self.warnings = warnings
        self.secretSources = secretSources
        self.explicitKeys = explicitKeys
        self.path = path
    }
}
