import FoundationEssentials

extension ConfigurationValidator {
    /// Checks `webhook:`: the public URL when enabled, and the secret's shape.
    func validateWebhook(_ webhook: Configuration.Webhook) {
        if webhook.enabled && webhook.publicURL == nil {
            collector.problem(
                "webhook.public_url",
                "missing; required when webhook.enabled is true: the https URL Withings calls, "
                    + "e.g. https://bridge.example.com/withings2mqtt")
        }
        if let publicURL = webhook.publicURL, let components = checkURL(publicURL, at: "webhook.public_url") {
            checkPublicURL(components)
        }
        if let secret = webhook.secret {
            if !secret.allSatisfy(Self.isURLSafe) {
                collector.problem(
                    "webhook.secret",
                    "\(Masking.mask) contains characters not allowed in a URL path segment; allowed: A-Z a-z 0-9 . _ ~ -"
                )
            } else if secret.count < 16 {
                collector.warning(
                    "webhook.secret", "is shorter than 16 characters; anyone who guesses it can send fake bed events")
            }
        }
    }

    private func checkPublicURL(_ url: URLComponents) {
        let path = "webhook.public_url"
        if url.query != nil || url.fragment != nil {
            collector.problem(path, "must not have a ?query or #fragment; allowed: scheme, host, port and path")
        }
        if url.scheme?.lowercased() == "http" {
            collector.warning(
                path, "uses http; Withings only calls https URLs on port 443 (fine for the emulator and tests)")
            return
        }
        if let port = url.port, port != 443 {
            collector.warning(path, "uses port \(port); Withings only calls https URLs on port 443")
        }
        if let host = url.host, Self.isLocalOrIP(host) {
            collector.warning(
                path, "host \(host) is not a public DNS name; Withings refuses IP addresses and localhost")
        }
    }

    private static func isURLSafe(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || ".-_~".contains(character))
    }

    private static func isLocalOrIP(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered.hasSuffix(".localhost") || lowered.contains(":") { return true }
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }
}
