/// One node of the configuration file's YAML tree, with the line it starts on.
///
/// Only what the configuration needs: text scalars (and whether they were written plain, so `~` and `0x1F` keep
/// their YAML meaning while `"~"` stays text), mappings in file order and sequences. Aliases are already resolved.
struct YAMLNode: Sendable {
    /// What the node holds.
    enum Content: Sendable {
        /// A scalar's text; `plain` when it was written without quotes, block style or an explicit tag.
        case scalar(String, plain: Bool)
        /// Key-value pairs in file order (keys may be any node; the decoder reports non-text keys).
        case mapping([(key: YAMLNode, value: YAMLNode)])
        /// Items in file order.
        case sequence([YAMLNode])
    }

    /// What the node holds.
    var content: Content
    /// 1-based line where the node starts.
    var line: Int

    /// The text of a scalar, nil for mappings and sequences.
    var text: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Whether the node is YAML null: `~`, `null` or nothing, written plain.
    var isNull: Bool {
        guard case .scalar(let text, plain: true) = content else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// A plain scalar read as a YAML 1.1 integer (`12`, `+12`, `1_000`, `0x1F`, `0o17`, `0b101`); nil otherwise.
    var integer: Int? {
        guard case .scalar(let text, plain: true) = content else { return nil }
        var digits = Substring(text.filter { $0 != "_" })
        var sign = 1
        if let first = digits.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        let radixes: [(prefix: String, radix: Int)] = [("0x", 16), ("0o", 8), ("0b", 2)]
        let match = radixes.first { digits.lowercased().hasPrefix($0.prefix) && digits.count > 2 }
        let body = match == nil ? digits : digits.dropFirst(2)
        guard !body.isEmpty, body.allSatisfy({ $0.isHexDigit }), let value = Int(body, radix: match?.radix ?? 10)
        else {
            return nil
        }
        return sign * value
    }
}
