import LocalTime
import WithingsAPI

/// Checks the meaning of decoded values (ranges, formats, combinations); every finding goes to the collector.
struct ConfigurationValidator {
    /// Where problems and warnings go.
    let collector: ProblemCollector

    /// Validates the whole configuration.
    func validate(_ configuration: Configuration) {
        validateMQTT(configuration.mqtt)
        validateWithings(configuration.withings)
        validateAccounts(configuration.accounts)
        validateWebhook(configuration.webhook)
        validateGeneral(configuration)
    }

    private func validateAccounts(_ accounts: [Configuration.Account]) {
        var firstUse: [String: Int] = [:]
        for (index, account) in accounts.enumerated() {
            let path = "accounts[\(index)].name"
            if account.name.isEmpty || !account.name.allSatisfy(Self.isSlugCharacter) {
                let hint = Self.slug(from: account.name).map { " (e.g. \"\($0)\")" } ?? ""
                collector.problem(
                    path, "\"\(account.name)\" is not allowed; use lowercase letters, digits, _ and - only\(hint)")
            } else if let first = firstUse[account.name] {
                collector.problem(
                    path, "\"\(account.name)\" is already used by accounts[\(first)]; names must be unique")
            } else {
                firstUse[account.name] = index
            }
            if let displayName = account.displayName, displayName.trimmingWhitespace().isEmpty {
                collector.problem("accounts[\(index)].display_name", "is empty; remove it or give a name")
            }
        }
    }

    private func validateGeneral(_ configuration: Configuration) {
        if configuration.stateDirectory.trimmingWhitespace().isEmpty {
            collector.problem("state_dir", "is empty; allowed: a directory path, e.g. /var/lib/withings2mqtt")
        }
        if let zone = configuration.timezone, let problem = Self.timeZoneProblem(zone) {
            collector.problem("timezone", problem)
        }
        if let interval = configuration.poll.interval, interval < 60 {
            collector.problem(
                "poll.interval",
                "\(interval) s is too short; allowed: 60 s or more (Withings allows 120 requests a minute per app)")
        }
    }

    /// Whether `character` may appear in an account name (`[a-z0-9_-]`).
    static func isSlugCharacter(_ character: Character) -> Bool {
        character == "_" || character == "-" || ("a"..."z").contains(character) || ("0"..."9").contains(character)
    }

    /// A suggested valid name for an invalid one, nil when nothing usable remains.
    static func slug(from name: String) -> String? {
        let mapped = name.lowercased().map { isSlugCharacter($0) ? $0 : "_" }
        let candidate = String(mapped)
        return candidate.contains(where: { $0 != "_" }) ? candidate : nil
    }

    /// Why the zone cannot be used, nil when it loads from the system's time zone database as the daemon will.
    static func timeZoneProblem(_ identifier: String, zoneInfo: ZoneInfo = ZoneInfo()) -> String? {
        let fallback = "or remove the key to use the system zone"
        do throws(ZoneInfoError) {
            _ = try zoneInfo.load(identifier: identifier)
            return nil
        } catch .notFound where SecretFileReader.checkReadable(zoneInfo.root) != .directory {
            return "there is no time zone database at \(zoneInfo.root) (a container without tzdata?); install "
                + "Debian's tzdata package or mount it there, \(fallback) (UTC without a database)"
        } catch .notFound, .unsafeIdentifier {
            return "\"\(identifier)\" is not an IANA time zone; allowed: a name like Europe/Paris or America/New_York, "
                + fallback
        } catch {
            return "\"\(identifier)\" cannot be used: \(error); \(fallback)"
        }
    }
}
