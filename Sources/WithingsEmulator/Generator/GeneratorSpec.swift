import Foundation

/// How much history `--generate users=N,years=Y` asks for.
public struct GeneratorSpec: Sendable, Equatable {
    /// Number of users.
    public var users: Int
    /// Years of history per user.
    public var years: Int

    /// Creates a spec.
    public init(users: Int, years: Int) {
        self.users = users
        self.years = years
    }

    /// Parses `users=N,years=Y` (either part may be omitted: 1 user, 1 year).
    public static func parse(_ text: String) throws -> GeneratorSpec {
        var spec = GeneratorSpec(users: 1, years: 1)
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let number = Int(pair[1]), number > 0 else {
                throw EmulatorDataError.invalidGeneratorSpec(text)
            }
            switch pair[0] {
            case "users": spec.users = number
            case "years": spec.years = number
            default: throw EmulatorDataError.invalidGeneratorSpec(text)
            }
        }
        return spec
    }
}
