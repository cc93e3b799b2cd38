/// Builds the YAML-like lines of the effective settings.
struct SettingsText {
    /// Key paths set in the file.
    let explicitKeys: Set<String>
    /// Whether to mark values not set in the file with `# default`.
    let markDefaults: Bool
    /// The lines so far.
    private(set) var lines: [String] = []

    /// Creates an empty text.
    init(explicitKeys: Set<String>, markDefaults: Bool) {
        self.explicitKeys = explicitKeys
        self.markDefaults = markDefaults
    }

    /// The finished text, newline-terminated.
    var text: String { lines.joined(separator: "\n") + "\n" }

    /// A `# comment` line.
    mutating func comment(_ text: String) {
        lines.append("# \(text)")
    }

    /// A `name:` section header.
    mutating func section(_ name: String) {
        lines.append("\(name):")
    }

    /// A plain value; `note` replaces the `default` marker.
    mutating func value(_ keyPath: String, _ value: (any CustomStringConvertible)?, note: String? = nil) {
        let rendered = value.map { Self.scalar($0.description, quoteIfNeeded: $0 is String) } ?? "null"
        append(keyPath, rendered, note: note ?? defaultNote(keyPath))
    }

    /// A secret: `********` with its source, or `(not set)`.
    mutating func secret(_ keyPath: String, _ value: String?, source: SecretSource?, note: String? = nil) {
        let sourceNote = value == nil ? nil : source.map(\.description)
        append(keyPath, Masking.show(value), note: [sourceNote, note].compactMap { $0 }.joined(separator: "; "))
    }

    /// The first key of a list item: `  - name: alice`.
    mutating func listItem(_ key: String, _ value: String) {
        lines.append("  - \(key): \(Self.scalar(value, quoteIfNeeded: true))")
    }

    /// A further key of the current list item.
    mutating func listContinuation(_ key: String, _ value: String) {
        lines.append("    \(key): \(Self.scalar(value, quoteIfNeeded: true))")
    }

    private func defaultNote(_ keyPath: String) -> String? {
        markDefaults && !explicitKeys.contains(keyPath) ? "default" : nil
    }

    private mutating func append(_ keyPath: String, _ rendered: String, note: String?) {
        let depth = keyPath.split(separator: ".").count - 1
        let key = keyPath.split(separator: ".").last.map(String.init) ?? keyPath
        let indent = String(repeating: "  ", count: depth)
        let comment = note.flatMap { $0.isEmpty ? nil : "  # \($0)" } ?? ""
        lines.append("\(indent)\(key): \(rendered)\(comment)")
    }

    /// Quotes text that YAML would otherwise read as another type or misparse (URLs stay unquoted).
    static func scalar(_ text: String, quoteIfNeeded: Bool) -> String {
        guard quoteIfNeeded else { return text }
        let ambiguous =
            ["", "~", "null", "true", "false", "yes", "no", "on", "off"].contains(text.lowercased())
            || Double(text) != nil
        let indicator = text.first.map { "-?:,[]{}#&*!|>'\"%@`".contains($0) } ?? false
        let breaksLine =
            text.contains(": ") || text.contains(" #") || text.hasSuffix(":") || text.contains("\"")
            || text.contains("\\") || text.contains("\n") || text.first == " " || text.last == " "
        guard ambiguous || indicator || breaksLine else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }
}
