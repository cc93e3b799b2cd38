/// The outcome of posting one webhook to one subscribed callback URL.
public struct WebhookDelivery: Sendable, Equatable {
    /// Where it was posted.
    public var callbackURL: String
    /// The HTTP status answered, nil when there was no answer.
    public var httpStatus: Int?
    /// Milliseconds from sending to the complete answer (or the failure).
    public var latencyMilliseconds: Double
    /// Why there was no answer, when there was none.
    public var error: String?

    /// The delivery as the control endpoint reports it.
    public var json: JSONValue {
        [
            "callbackurl": .string(callbackURL), "http_status": httpStatus.map { .int(Int64($0)) } ?? .null,
            "latency_ms": .double((latencyMilliseconds * 1000).rounded() / 1000),
            "error": error.map(JSONValue.string) ?? .null,
        ]
    }
}
