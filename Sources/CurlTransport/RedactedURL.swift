/// A URL reduced to what may appear in logs and error messages.
///
/// Query strings and fragments can carry OAuth codes and tokens, and user info carries passwords,
/// so only scheme, host, port and path are kept.
struct RedactedURL: CustomStringConvertible {
    /// The URL as it may be shown.
    let description: String
    /// The secret-bearing parts that were removed, for scrubbing them out of curl's own messages.
    let removedParts: [String]

    /// Redacts `url`.
    init(_ url: String) {
        var rest = Substring(url)
        var removed: [String] = []
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            removed.append(String(rest[rest.index(after: cut)...]))
            rest = rest[..<cut]
        }
        var prefix = Substring("")
        if let scheme = rest.firstRange(of: "://") {
            prefix = rest[..<scheme.upperBound]
            rest = rest[scheme.upperBound...]
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        if let at = rest[..<authorityEnd].lastIndex(of: "@") {
            removed.append(String(rest[..<at]))
            rest = rest[rest.index(after: at)...]
        }
        description = String(prefix) + String(rest)
        removedParts = removed.filter { !$0.isEmpty }
    }

    /// `text` with every removed part replaced by `…`.
    func scrub(_ text: String) -> String {
        removedParts.reduce(text) { partial, secret in partial.replacing(secret, with: "…") }
    }
}
