import Foundation
import Yams

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
                let decoded = String(data: data, encoding: .utf8)
            else {
                throw ConfigurationError(
                    path: path,
                    problems: [
                        ConfigurationProblem(keyPath: nil, message: "the configuration file is not readable UTF-8 text")
                    ])
            }
            text = decoded
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try load(yaml: text, baseDirectory: directory.isEmpty ? "." : directory, path: path)
    }

    /// Loads YAML text; relative file paths are resolved against `baseDirectory`.
    public func load(
        yaml: String, baseDirectory: String, path: String? = nil
    ) throws(ConfigurationError) -> LoadedConfiguration {
        let collector = ProblemCollector()
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
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

    /// A YAML syntax error as one problem with line and column; the offending text is never quoted (it may be a secret).
    static func syntaxProblem(_ error: any Error) -> ConfigurationProblem {
        guard let yamlError = error as? YamlError else {
            return ConfigurationProblem(keyPath: nil, message: "the file is not valid YAML")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigurationProblem(
                keyPath: nil, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.joined(separator: ", ")
            return ConfigurationProblem(
                keyPath: nil, line: context.mark.line,
                message: "the key \(names) appears twice in the same section; keep only one")
        case .reader(let problem, _, _, _):
            return ConfigurationProblem(keyPath: nil, message: "the file cannot be read as YAML text: \(problem)")
        default:
            return ConfigurationProblem(keyPath: nil, message: "the file is not valid YAML")
        }
    }
}
