/// A Withings error answer: HTTP 200 with a non-zero `status` and an `error` text.
public struct WithingsFailure: Error, Sendable, Equatable {
    /// The Withings status code.
    public var status: Int
    /// The `error` text.
    public var message: String

    /// Creates a failure.
    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    /// 503, Withings' "Invalid Params".
    public static func invalidParams(_ detail: String) -> WithingsFailure {
        WithingsFailure(status: 503, message: "Invalid Params: \(detail)")
    }

    /// 401 for a missing, unknown or expired access token.
    public static let invalidToken = WithingsFailure(status: 401, message: "invalid_token")

    /// 2555 for an action the endpoint does not know.
    public static func unknownAction(_ action: String?, path: String) -> WithingsFailure {
        WithingsFailure(status: 2555, message: "Unknown action '\(action ?? "")' for \(path)")
    }

    /// The HTTP response carrying this failure.
    public var response: EmulatorResponse { .withingsError(status, message) }
}
