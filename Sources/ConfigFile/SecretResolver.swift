/// Applies the secret precedence: environment variable, then `*_file`, then the inline value.
struct SecretResolver {
    /// The process environment (a parameter, so tests stay pure).
    let environment: [String: String]
    /// Directory that relative `*_file` paths are relative to.
    let baseDirectory: String
    /// Where problems go.
    let collector: ProblemCollector

    /// The effective value and where it came from; problems are reported, never containing the value.
    func resolve(_ raw: RawSecret) -> (value: String?, source: SecretSource) {
        if raw.value != nil && raw.file != nil {
            collector.problem(raw.filePath, "set either \(raw.valuePath) or \(raw.filePath), not both")
        }
        if let fromEnvironment = environment[raw.variable] {
            if !fromEnvironment.isEmpty { return (fromEnvironment, .environment(raw.variable)) }
            collector.warning(raw.valuePath, "the environment variable \(raw.variable) is set but empty; ignored")
        }
        if let file = raw.file {
            let path = SecretFileReader.resolve(file, against: baseDirectory)
            switch SecretFileReader.readSecret(atPath: path) {
            case .success(let secret):
                return (secret, .file(path))
            case .failure(let failure):
                collector.problem(
                    raw.filePath,
                    "cannot use \(path): it \(failure); point it at a readable file holding only the secret")
                return (nil, .notSet)
            }
        }
        if let value = raw.value, !value.isEmpty { return (value, .configuration) }
        return (nil, .notSet)
    }
}
