/// Everything that can go wrong talking to Withings, each with a readable message saying what to do next.
///
/// Messages never contain tokens, secrets or request bodies. Where the fix is to authorise an account again,
/// the message names the command with a placeholder; callers that know the account use `message(account:)`.
public enum WithingsError: Error, Sendable, Equatable {
    /// Withings answered with a non-zero `status`; `detail` is Withings' own `error` text, shortened.
    case api(status: Int, family: WithingsStatusFamily, detail: String?)
    /// The HTTP status was not 200 (Withings reports its own errors inside a 200).
    case httpStatus(Int)
    /// The body was not the JSON Withings sends (truncated, not JSON, or fields of the wrong type).
    case malformedResponse(String)
    /// The request never got a response.
    case transport(TransportError)

    /// The placeholder `description` uses where the account name belongs.
    public static let accountPlaceholder = "NAME"

    /// The status family, or nil when the failure happened before a Withings status was read.
    public var family: WithingsStatusFamily? {
        if case .api(_, let family, _) = self { return family }
        return nil
    }

    /// Whether the account needs a fresh authorisation (`withings2mqtt auth --account NAME`).
    public var needsReauthorization: Bool { family?.needsReauthorization ?? false }

    /// Whether trying again later may succeed.
    public var isRetryable: Bool {
        switch self {
        case .api(_, let family, _): family.isRetryable
        case .httpStatus(let status): status == 408 || status == 429 || status >= 500
        case .malformedResponse: true  // usually a cut-off body from a broken connection
        case .transport: true
        }
    }

    /// The message with `account` filled in where the fix names an account.
    public func message(account: String?) -> String {
        let name = account ?? Self.accountPlaceholder
        let reauth = "run `withings2mqtt auth --account \(name)` to authorise the account again"
        switch self {
        case .api(let status, let family, let detail):
            let said = detail.map { " (\($0))" } ?? ""
            let head = "Withings answered status \(status)\(said)"
            switch family {
            case .ok: return "\(head) but no data could be read; this is a bug, please report it"
            case .authenticationFailed:
                return "\(head): the access token was rejected and refreshing it did not help; \(reauth)"
            case .unauthorized:
                return "\(head): the app is not allowed to read this account's data; \(reauth)"
            case .notImplemented:
                return "\(head): Withings does not offer this for the account; nothing to do, it will be skipped"
            case .invalidParams:
                let hint =
                    status == 293
                    ? "Withings could not reach the callback URL: check that webhook.public_url answers HEAD with 200"
                    : "the request was refused as invalid; if it persists please report it"
                return "\(head): \(hint)"
            case .errorOccurred: return "\(head): an error on Withings' side; it will be retried later"
            case .timeout: return "\(head): Withings timed out; it will be retried later"
            case .badState: return "\(head): Withings reports a bad state; it will be retried later"
            case .tooManyRequests:
                return "\(head): too many requests (Withings allows 120 per minute per app); backing off"
            case .unknown: return "\(head), a status this bridge does not know; if it persists please report it"
            }
        case .httpStatus(let status):
            return "Withings answered HTTP \(status) instead of 200; check api_base_url and any proxy in between"
                + (status >= 500 || status == 429 ? "; it will be retried later" : "")
        case .malformedResponse(let what):
            return "Withings sent a response that could not be read (\(what)); it will be retried later"
        case .transport(let error):
            return "could not reach Withings: \(error.message); check the network, it will be retried later"
        }
    }
}

extension WithingsError: CustomStringConvertible {
    /// The message with the account placeholder `NAME`.
    public var description: String { message(account: nil) }
}
