/// Gathers problems, warnings, the lines of keys and which keys the file set, while a configuration is read.
final class ProblemCollector {
    private(set) var problems: [ConfigurationProblem] = []
    private(set) var warnings: [ConfigurationProblem] = []
    /// Key path → 1-based line of the key in the file.
    var lines: [String: Int] = [:]
    /// Key paths with a non-null value in the file.
    var explicitKeys: Set<String> = []

    /// Records a problem at a key, with the key's line when known.
    func problem(_ keyPath: String?, _ message: String) {
        problems.append(ConfigurationProblem(keyPath: keyPath, line: keyPath.flatMap { lines[$0] }, message: message))
    }

    /// Records a problem at an explicit position.
    func problem(_ problem: ConfigurationProblem) {
        problems.append(problem)
    }

    /// Records a warning at a key.
    func warning(_ keyPath: String?, _ message: String) {
        warnings.append(ConfigurationProblem(keyPath: keyPath, line: keyPath.flatMap { lines[$0] }, message: message))
    }

    /// Whether the file set this key.
    func isExplicit(_ keyPath: String) -> Bool { explicitKeys.contains(keyPath) }

    /// Problems in file order (those without a line last, in the order found).
    var sortedProblems: [ConfigurationProblem] { Self.fileOrder(problems) }

    /// Warnings in file order.
    var sortedWarnings: [ConfigurationProblem] { Self.fileOrder(warnings) }

    private static func fileOrder(_ list: [ConfigurationProblem]) -> [ConfigurationProblem] {
        list.enumerated().sorted { lhs, rhs in
            switch (lhs.element.line, rhs.element.line) {
            case let (left?, right?) where left != right: left < right
            case (.some, nil): true
            case (nil, .some): false
            default: lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}
