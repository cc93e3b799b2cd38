import ConfigFile
import Foundation
import Testing

/// Shared inputs and helpers for the configuration tests.
enum ConfigTestSupport {
    /// The smallest valid file: everything else is a default.
    static let minimalYAML = """
        withings:
          client_id: abc123
          client_secret: inline-client-secret-value
          redirect_uri: https://bridge.example.com/withings2mqtt/oauth/callback
        accounts:
          - name: alice
        """

    /// A fresh, unique temporary directory.
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("w2m-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` inside `directory` and returns the path.
    @discardableResult
    static func write(_ text: String, to name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Loads YAML text with the given environment, relative paths against `directory`.
    static func load(
        _ yaml: String, environment: [String: String] = [:], directory: String = "/nonexistent-dir"
    ) throws(ConfigurationError) -> LoadedConfiguration {
        try ConfigurationLoader(environment: environment).load(yaml: yaml, baseDirectory: directory, path: "test.yaml")
    }

    /// The problems loading `yaml` produces (empty when it loads).
    static func problems(
        _ yaml: String, environment: [String: String] = [:], directory: String = "/nonexistent-dir"
    )
        -> [String]
    {
        do {
            _ = try load(yaml, environment: environment, directory: directory)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    /// The repository root, found from this file's path.
    static func repositoryRoot(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
