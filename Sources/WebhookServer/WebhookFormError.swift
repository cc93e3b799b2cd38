/// Why a webhook body is not a Withings notification; the text is safe to log and to send back.
public enum WebhookFormError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is empty.
    case emptyBody
    /// Broken `%` escapes or not UTF-8.
    case badEncoding
    /// A required field is absent.
    case missingField(String)
    /// A numeric field is not a number.
    case notANumber(String)

    /// A short reason.
    public var description: String {
        switch self {
        case .emptyBody: "empty body"
        case .badEncoding: "body is not valid form encoding"
        case .missingField(let name): "missing field \(name)"
        case .notANumber(let name): "field \(name) is not a number"
        }
    }
}
