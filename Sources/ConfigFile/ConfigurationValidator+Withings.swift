import FoundationEssentials
import WithingsAPI

extension ConfigurationValidator {
    /// Checks `withings:`: required values, URLs and the rate limit.
    func validateWithings(_ withings: Configuration.Withings) {
        if collector.isExplicit("withings.client_id") && withings.clientID.trimmingWhitespace().isEmpty {
            collector.problem("withings.client_id", "is empty; set it to your Withings developer app's client id")
        }
        if withings.clientSecret.isEmpty {
            collector.problem(
                "withings.client_secret",
                "missing; set withings.client_secret, withings.client_secret_file or the environment variable "
                    + ConfigurationSchema.clientSecretVariable)
        }
        if !withings.redirectURI.isEmpty || collector.isExplicit("withings.redirect_uri") {
            checkURL(withings.redirectURI, at: "withings.redirect_uri")
        }
        checkURL(withings.apiURL, at: "withings.api_url")
        checkURL(withings.authorizeURL, at: "withings.authorize_url")
        if withings.rateLimitPerMinute < 1 {
            collector.problem(
                "withings.rate_limit_per_minute", "\(withings.rateLimitPerMinute) is out of range; allowed: 1 to 120")
        } else if withings.rateLimitPerMinute > 120 {
            collector.warning(
                "withings.rate_limit_per_minute",
                "\(withings.rateLimitPerMinute) is above Withings' standard limit of 120; expect status 601 back-offs")
        }
    }

    /// Parses an http(s) URL with a host; reports and returns nil otherwise.
    @discardableResult
    func checkURL(_ text: String, at path: String) -> URLComponents? {
        if let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        {
            return url
        }
        collector.problem(path, "\"\(text)\" is not an http(s) URL; allowed: http://host/… or https://host/…")
        return nil
    }
}
