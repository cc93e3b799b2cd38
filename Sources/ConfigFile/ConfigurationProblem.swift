/// One problem (or warning) found in a configuration file: which key, where, and what is allowed.
///
/// Messages never contain a secret's value; secrets are shown as `********`.
public struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
    /// The dotted key path, e.g. `mqtt.port` or `accounts[1].name`; nil for file-level problems.
    public var keyPath: String?
    /// 1-based line in the file, when known.
    public var line: Int?
    /// 1-based column in the file, when known (YAML syntax errors).
    public var column: Int?
    /// What is wrong and what is allowed.
    public var message: String

    /// Creates a problem.
    public init(keyPath: String?, line: Int? = nil, column: Int? = nil, message: String) {
        self.keyPath = keyPath
        self.line = line
        self.column = column
        self.message = message
    }

    /// One line: `mqtt.port (line 3): 70000 is out of range; allowed: 1 to 65535`.
    public var description: String {
        var location: [String] = []
        if let line {
            location.append(column.map { "line \(line), column \($0)" } ?? "line \(line)")
        }
        switch (keyPath, location.isEmpty) {
        case (let key?, true): return "\(key): \(message)"
        case (let key?, false): return "\(key) (\(location.joined())): \(message)"
        case (nil, false): return "\(location.joined()): \(message)"
        case (nil, true): return message
        }
    }
}
