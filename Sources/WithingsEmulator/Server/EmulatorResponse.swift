/// An HTTP response produced by the emulator.
public struct EmulatorResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields (Content-Length is added by the server).
    public var headers: [String: String]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer.
    public static func json(_ value: JSONValue, status: Int = 200) -> EmulatorResponse {
        EmulatorResponse(
            status: status, headers: ["Content-Type": "application/json"], body: Array(value.serialized().utf8))
    }

    /// A Withings success: HTTP 200 with `{"status":0,"body":…}`.
    public static func withings(_ body: JSONValue) -> EmulatorResponse {
        json(["status": 0, "body": body])
    }

    /// A Withings error: HTTP 200 with a non-zero `status`, an empty body object and an `error` text.
    public static func withingsError(_ status: Int, _ message: String) -> EmulatorResponse {
        json(["status": .int(Int64(status)), "body": .object([:]), "error": .string(message)])
    }

    /// A plain-text answer.
    public static func text(_ text: String, status: Int = 200) -> EmulatorResponse {
        EmulatorResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// A 302 redirect.
    public static func redirect(to location: String) -> EmulatorResponse {
        EmulatorResponse(status: 302, headers: ["Location": location])
    }
}
