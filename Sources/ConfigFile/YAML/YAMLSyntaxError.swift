/// Why a text is not one YAML document the configuration can read, with where, when libyaml knows it.
struct YAMLSyntaxError: Error, Equatable, Sendable {
    /// The kinds of failure the loader words differently.
    enum Kind: Equatable, Sendable {
        /// The text breaks YAML's grammar (libyaml's scanner or parser, or more than one document).
        case syntax
        /// A mapping has this key twice.
        case duplicatedKey(String)
        /// The bytes are not text libyaml can read (bad UTF-8, a control character).
        case encoding
    }

    /// What kind of failure it is.
    var kind: Kind
    /// What is wrong, in libyaml's words or ours; never quotes the offending text (it may be a secret).
    var problem: String
    /// 1-based line, when known.
    var line: Int?
    /// 1-based column, when known.
    var column: Int?
}
