/// Request counts per endpoint (`path action`, e.g. `/measure getmeas`), overall and per user.
public struct RequestCounters: Sendable, Equatable {
    /// Counts by endpoint key.
    public private(set) var byEndpoint: [String: Int] = [:]
    /// Counts by user id, then endpoint key.
    public private(set) var byUser: [Int64: [String: Int]] = [:]

    /// Creates empty counters.
    public init() {}

    /// The key used for a request.
    public static func key(path: String, action: String?) -> String {
        action.map { "\(path) \($0)" } ?? path
    }

    /// Counts one request, for a user when known.
    public mutating func record(path: String, action: String?, userID: Int64?) {
        let key = Self.key(path: path, action: action)
        byEndpoint[key, default: 0] += 1
        if let userID { byUser[userID, default: [:]][key, default: 0] += 1 }
    }

    /// The total over all endpoints.
    public var total: Int { byEndpoint.values.reduce(0, +) }

    /// The counters as the control endpoint reports them.
    public var json: JSONValue {
        let endpoints = byEndpoint.mapValues { JSONValue.int(Int64($0)) }
        var users: [String: JSONValue] = [:]
        for (userID, counts) in byUser { users[String(userID)] = .object(counts.mapValues { .int(Int64($0)) }) }
        return ["total": .int(Int64(total)), "endpoints": .object(endpoints), "users": .object(users)]
    }
}
