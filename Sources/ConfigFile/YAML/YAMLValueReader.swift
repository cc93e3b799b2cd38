import WithingsAPI

/// Turns YAML nodes into typed values; wrong types become problems (the value keeps its default).
struct YAMLValueReader {
    /// Where problems and key lines go.
    let collector: ProblemCollector

    /// Reads a mapping, reporting unknown keys (with a suggestion) and non-text keys; null reads as empty.
    func section(_ node: YAMLNode?, at path: String, keys: [String]) -> YAMLSection? {
        guard let node, !node.isNull else { return YAMLSection(path: path, entries: [:]) }
        guard case .mapping(let mapping) = node.content else {
            collector.problem(path.isEmpty ? nil : path, "expected a section of keys, got \(Self.describe(node))")
            return nil
        }
        var entries: [String: YAMLNode] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.text else {
                collector.problem(
                    ConfigurationProblem(
                        keyPath: path.isEmpty ? nil : path, line: keyNode.line,
                        message: "keys must be plain words, got \(Self.describe(keyNode))"))
                continue
            }
            let keyPath = YAMLSection.join(path, key)
            collector.lines[keyPath] = keyNode.line
            guard keys.contains(key) else {
                collector.problem(keyPath, unknownKeyMessage(key, in: path, allowed: keys))
                continue
            }
            guard !value.isNull else { continue }
            collector.explicitKeys.insert(keyPath)
            entries[key] = value
        }
        return YAMLSection(path: path, entries: entries)
    }

    /// A text value; any scalar is accepted as text (`client_id: 12345` is the text "12345").
    func string(_ section: YAMLSection, _ key: String, secret: Bool = false) -> String? {
        guard let node = section[key] else { return nil }
        guard let text = node.text else {
            collector.problem(section.keyPath(key), "expected a text value, got \(Self.describe(node, secret: secret))")
            return nil
        }
        return text
    }

    /// A whole number; quoted digits are accepted too.
    func int(_ section: YAMLSection, _ key: String, allowed: String) -> Int? {
        guard let node = section[key] else { return nil }
        if let value = node.text.flatMap({ Int($0.trimmingWhitespace()) }) ?? node.integer { return value }
        collector.problem(section.keyPath(key), "\(Self.describe(node)) is not a whole number; allowed: \(allowed)")
        return nil
    }

    /// `true` or `false` (YAML's yes/no/on/off too, quoted or not).
    func bool(_ section: YAMLSection, _ key: String) -> Bool? {
        guard let node = section[key] else { return nil }
        if let text = node.text {
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        collector.problem(section.keyPath(key), "\(Self.describe(node)) is not a boolean; allowed: true or false")
        return nil
    }

    /// One of a fixed list of words, compared case-insensitively.
    func choice(_ section: YAMLSection, _ key: String, allowed: [String]) -> String? {
        guard let node = section[key] else { return nil }
        if let text = node.text, let match = allowed.first(where: { $0 == text.lowercased() }) {
            return match
        }
        var message = "\(Self.describe(node)) is not allowed; allowed: \(allowed.joined(separator: ", "))"
        if let text = node.text, let guess = KeySuggestion.closest(to: text, among: allowed) {
            message += " (did you mean \(guess)?)"
        }
        collector.problem(section.keyPath(key), message)
        return nil
    }

    /// A duration in seconds: a number of seconds, or a number with `s`, `m`, `h` or `d` (`10m`, `2h`).
    func seconds(_ section: YAMLSection, _ key: String) -> Int? {
        guard let node = section[key] else { return nil }
        if let value = node.text.flatMap(DurationText.seconds) { return value }
        collector.problem(
            section.keyPath(key),
            "\(Self.describe(node)) is not a duration; allowed: seconds (600) or a number with s, m, h or d (10m, 2h)")
        return nil
    }

    /// How a value is shown in a message: `"text"`, `********` for secrets, or its kind for lists and sections.
    static func describe(_ node: YAMLNode, secret: Bool = false) -> String {
        switch node.content {
        case .scalar(let text, _): secret ? Masking.mask : "\"\(text)\""
        case .mapping: "a section of keys"
        case .sequence: "a list"
        }
    }

    private func unknownKeyMessage(_ key: String, in path: String, allowed: [String]) -> String {
        if let guess = KeySuggestion.closest(to: key, among: allowed) {
            return "unknown key; did you mean \(YAMLSection.join(path, guess))?"
        }
        let elsewhere = ConfigurationSchema.sections.first { $0.name != path && $0.keys.contains(key) }
        if let elsewhere {
            return "unknown key here; did you mean \(YAMLSection.join(elsewhere.name, key))?"
        }
        return "unknown key; allowed here: \(allowed.joined(separator: ", "))"
    }
}
