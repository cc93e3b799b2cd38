/// One mapping of the YAML file (only known keys with non-null values), with its key path.
struct YAMLSection {
    /// `mqtt`, `accounts[0]`, or empty for the top level.
    let path: String
    /// Known keys with non-null values.
    let entries: [String: YAMLNode]

    /// The dotted path of a key in this section.
    func keyPath(_ key: String) -> String {
        Self.join(path, key)
    }

    /// The value of a key, nil when absent or null.
    subscript(key: String) -> YAMLNode? { entries[key] }

    /// `parent.key`, or `key` at the top level.
    static func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }
}
