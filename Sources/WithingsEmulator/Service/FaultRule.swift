/// A fault applied to the next `remaining` data-endpoint requests that match `path` (and `action`).
public struct FaultRule: Sendable, Equatable {
    /// The fault.
    public var kind: FaultKind
    /// How many more requests it applies to.
    public var remaining: Int
    /// Only requests to this path (e.g. `/measure`), any when nil.
    public var path: String?
    /// Only requests with this `action`, any when nil.
    public var action: String?

    /// Creates a rule.
    public init(kind: FaultKind, count: Int, path: String? = nil, action: String? = nil) {
        self.kind = kind
        self.remaining = count
        self.path = path
        self.action = action
    }

    /// Whether the rule applies to a request.
    func matches(path requestPath: String, action requestAction: String?) -> Bool {
        remaining > 0 && (path == nil || path == requestPath) && (action == nil || action == requestAction)
    }

    /// Reads a rule from the control endpoint's JSON: `{"kind":"status","status":601,"count":2,"path":"/measure"}`.
    public static func parse(_ json: JSONValue) -> Result<FaultRule, ControlError> {
        let count = Int(json["count"]?.intValue ?? 1)
        guard count > 0 else { return .failure(.invalid("count must be a positive whole number")) }
        let kind: FaultKind
        switch json["kind"]?.stringValue {
        case "status":
            guard let status = json["status"]?.intValue, status != 0 else {
                return .failure(.invalid("kind 'status' needs a non-zero 'status', e.g. 601"))
            }
            kind = .status(Int(status))
        case "http":
            let status = Int(json["http_status"]?.intValue ?? 503)
            guard (400...599).contains(status) else { return .failure(.invalid("http_status must be 400…599")) }
            kind = .httpStatus(status)
        case "delay":
            guard let delay = json["delay_ms"]?.intValue, delay >= 0 else {
                return .failure(.invalid("kind 'delay' needs 'delay_ms' (milliseconds)"))
            }
            kind = .delay(milliseconds: Int(delay))
        case "truncated": kind = .truncated
        case "malformed": kind = .malformed
        default:
            return .failure(.invalid("kind must be one of status, http, delay, truncated, malformed"))
        }
        return .success(
            FaultRule(
                kind: kind, count: count, path: json["path"]?.stringValue,
                action: json["action"]?.stringValue))
    }

    /// The rule as the control endpoint reports it.
    public var json: JSONValue {
        var members: [String: JSONValue] = ["kind": .string(kind.name), "remaining": .int(Int64(remaining))]
        if let path { members["path"] = .string(path) }
        if let action { members["action"] = .string(action) }
        switch kind {
        case .status(let status): members["status"] = .int(Int64(status))
        case .httpStatus(let status): members["http_status"] = .int(Int64(status))
        case .delay(let milliseconds): members["delay_ms"] = .int(Int64(milliseconds))
        case .truncated, .malformed: break
        }
        return .object(members)
    }
}
