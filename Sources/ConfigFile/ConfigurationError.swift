/// Why a configuration could not be loaded: every problem found, not only the first.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file that was read, when the configuration came from a file.
    public var path: String?
    /// All problems, in file order as far as known.
    public var problems: [ConfigurationProblem]

    /// Creates an error.
    public init(path: String?, problems: [ConfigurationProblem]) {
        self.path = path
        self.problems = problems
    }

    /// One problem per line, no header: ready to print to stderr.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }

    /// A header naming the file and the problem count, then one problem per line.
    public var report: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        let header = path.map { "\($0): \(count)" } ?? "configuration: \(count)"
        return ([header] + problems.map { "  \($0.description)" }).joined(separator: "\n")
    }
}
