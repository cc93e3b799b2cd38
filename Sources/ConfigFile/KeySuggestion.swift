/// Finds the known key a misspelt one was probably meant to be.
enum KeySuggestion {
    /// The closest of `candidates` to `key`, when close enough to be a likely typo.
    static func closest(to key: String, among candidates: [String]) -> String? {
        let normalizedKey = normalize(key)
        if let sameWord = candidates.first(where: { normalize($0) == normalizedKey }) { return sameWord }
        let limit = normalizedKey.count >= 10 ? 3 : 2
        let scored = candidates.map { (candidate: $0, distance: distance(normalizedKey, normalize($0))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit else { return nil }
        return best.candidate
    }

    // `baseTopic`, `base-topic` and `base_topic` are the same word to a user.
    private static func normalize(_ key: String) -> String {
        String(key.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Levenshtein distance over characters.
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs), right = Array(rhs)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        for (i, leftCharacter) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightCharacter) in right.enumerated() {
                let substitution = previous[j] + (leftCharacter == rightCharacter ? 0 : 1)
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
            }
            previous = current
        }
        return previous[right.count]
    }
}
