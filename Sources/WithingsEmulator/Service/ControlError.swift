/// A control-endpoint request that cannot be carried out; answered with HTTP 400/404 and `{"error": …}`.
public enum ControlError: Error, Sendable, Equatable {
    /// The JSON lacks or misuses a field.
    case invalid(String)
    /// No user matches the given `userid`/`user`.
    case unknownUser(String)
    /// No control endpoint at this path and method.
    case notFound(String)

    /// The HTTP status to answer with.
    var httpStatus: Int {
        switch self {
        case .invalid: return 400
        case .unknownUser, .notFound: return 404
        }
    }

    /// A readable message saying what to send instead.
    public var message: String {
        switch self {
        case .invalid(let detail): return detail
        case .unknownUser(let given):
            return "no user '\(given)'; GET /_emulator/users lists the user ids and names"
        case .notFound(let route):
            return "no control endpoint \(route); see docs/EMULATOR.md"
        }
    }
}
