import FoundationEssentials

/// Reads, completes and validates the YAML configuration.
///
/// Precedence for secrets: environment variable, then `*_file`, then the inline value. Relative file paths are
/// relative to the configuration file's directory. Every problem is collected before anything is thrown.
public struct ConfigurationLoader: Sendable {
    /// The process environment; a parameter so tests stay pure.
    public var environment: [String: String]

    /// Creates a loader reading secrets from `environment`.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Loads the file chosen by `--config`, `WITHINGS2MQTT_CONFIG` or the default path.
    public func load(flag: String?) throws(ConfigurationError) -> LoadedConfiguration {
        try load(path: ConfigurationPath.resolve(flag: flag, environment: environment).path)
    }

    /// Loads the file at `path`.
    public func load(path: String) throws(ConfigurationError) -> LoadedConfiguration {
        let text: String
        switch SecretFileReader.checkReadable(path) {
        case .some(let failure):
            let hint =
                failure == .missing ? " (pass --config FILE or set \(ConfigurationPath.environmentVariable))" : ""
            throw ConfigurationError(
                path: path,
                problems: [
                    ConfigurationProblem(
                        keyPath: nil, message: "cannot read the configuration file: it \(failure)\(hint)")
                ])
        case nil:
            guard let data = FileManager.default.contents(atPath: path),
                let decoded = String(validating: data, as: UTF8.self)
            else {
                throw ConfigurationError(
                    path: path,
                    problems: [
                        ConfigurationProblem(keyPath: nil, message: "the configuration file is not readable UTF-8 text")
                    ])
            }
            text = decoded
        }
        return try load(yaml: text, baseDirectory: Self.directory(of: path), path: path)
    }

    /// Loads YAML text; relative file paths are resolved against `baseDirectory`.
    public func load(
        yaml: String, baseDirectory: String, path: String? = nil
    ) throws(ConfigurationError) -> LoadedConfiguration {
        let collector = ProblemCollector()
        let root: YAMLNode?
        do {
            root = try YAMLComposer.compose(yaml)
        } catch {
            throw ConfigurationError(path: path, problems: [Self.syntaxProblem(error)])
        }
        guard var decoded = ConfigurationDecoder(collector: collector).decode(root) else {
            throw ConfigurationError(path: path, problems: collector.sortedProblems)
        }
        let resolver = SecretResolver(environment: environment, baseDirectory: baseDirectory, collector: collector)
        let password = resolver.resolve(decoded.mqttPassword)
        let clientSecret = resolver.resolve(decoded.clientSecret)
        let webhookSecret = resolver.resolve(decoded.webhookSecret)
        decoded.configuration.mqtt.password = password.value
        decoded.configuration.withings.clientSecret = clientSecret.value ?? ""
        decoded.configuration.webhook.secret = webhookSecret.value
        Self.normalize(&decoded.configuration, baseDirectory: baseDirectory)

        ConfigurationValidator(collector: collector).validate(decoded.configuration)
        guard collector.problems.isEmpty else {
            throw ConfigurationError(path: path, problems: collector.sortedProblems)
        }
        return LoadedConfiguration(
            configuration: decoded.configuration, warnings: collector.sortedWarnings,
            secretSources: SecretSources(
                mqttPassword: password.source, clientSecret: clientSecret.source, webhookSecret: webhookSecret.source),
            explicitKeys: collector.explicitKeys, path: path)
    }

    // Paths become absolute and the public URL loses its trailing slash, so later code can join paths blindly.
    private static func normalize(_ configuration: inout Configuration, baseDirectory: String) {
        let resolve = { (path: String?) in path.map { SecretFileReader.resolve($0, against: baseDirectory) } }
        configuration.mqtt.caFile = resolve(configuration.mqtt.caFile)
        configuration.mqtt.certFile = resolve(configuration.mqtt.certFile)
        configuration.mqtt.keyFile = resolve(configuration.mqtt.keyFile)
        if var url = configuration.webhook.publicURL {
            while url.hasSuffix("/") { url.removeLast() }
            configuration.webhook.publicURL = url
        }
    }

    // `/etc/w2m/config.yaml` → `/etc/w2m`, `config.yaml` → `.`, `/config.yaml` → `/`.
    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// A YAML syntax error as one problem with line and column; the offending text is never quoted (it may be a secret).
    static func syntaxProblem(_ error: YAMLSyntaxError) -> ConfigurationProblem {
        switch error.kind {
        case .syntax:
            ConfigurationProblem(
                keyPath: nil, line: error.line, column: error.column, message: "YAML syntax error: \(error.problem)")
        case .duplicatedKey(let key):
            ConfigurationProblem(
                keyPath: nil, line: error.line,
                message: "the key \(key) appears twice in the same section; keep only one")
        case .encoding:
            ConfigurationProblem(keyPath: nil, message: "the file cannot be read as YAML text: \(error.problem)")
        }
    }
}
