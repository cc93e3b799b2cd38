import WithingsEmulator

/// A decade of generated history as one getmeas answer, as the emulator serves it with one page per kind.
enum DecadeAnswer {
    /// The answer's bytes (about 9 MB, 23k groups); the same seed gives the same bytes.
    static func bytes(seed: UInt64 = 7) throws -> [UInt8] {
        let now: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z
        let users = HistoryGenerator(seed: seed, now: now).makeUsers(GeneratorSpec(users: 1, years: 10), firstUserID: 1)
        guard let user = users.first,
            case .success(let body) = DataQueries.getmeas(
                user: user, parameters: FormParameters(), now: now, pageSize: 1_000_000)
        else { throw GenerationError() }
        return Array(JSONValue.object(["status": 0, "body": body]).serialized().utf8)
    }

    /// The generator gave no user or the query failed.
    struct GenerationError: Error {}
}
