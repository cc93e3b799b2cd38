/// What an injected fault does to a data-endpoint request.
public enum FaultKind: Sendable, Equatable {
    /// Answer HTTP 200 with this non-zero Withings `status`.
    case status(Int)
    /// Answer with this HTTP status (e.g. 502) and a short HTML body, as a failing proxy would.
    case httpStatus(Int)
    /// Wait this many milliseconds, then answer normally.
    case delay(milliseconds: Int)
    /// Answer the normal JSON cut off in the middle.
    case truncated
    /// Answer HTTP 200 with text that is not JSON.
    case malformed

    /// The name used by the control endpoint.
    public var name: String {
        switch self {
        case .status: return "status"
        case .httpStatus: return "http"
        case .delay: return "delay"
        case .truncated: return "truncated"
        case .malformed: return "malformed"
        }
    }
}
