/// Why a webhook body is not a Withings notification; the web server answers 400 with this message.
public enum WebhookParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is not valid form encoding (a bad `%` escape or invalid UTF-8).
    case notFormEncoded(String)
    /// A required field is missing.
    case missingField(String)
    /// A field that must be an integer is not one.
    case notAnInteger(field: String)

    /// A readable message; it never quotes field values.
    public var description: String {
        switch self {
        case .notFormEncoded(let why):
            "the notification body is not application/x-www-form-urlencoded (\(why)); expected fields like userid=…&appli=…"
        case .missingField(let field):
            "the notification has no \"\(field)\" field; Withings always sends userid and appli"
        case .notAnInteger(let field):
            "the notification field \"\(field)\" is not an integer"
        }
    }
}
