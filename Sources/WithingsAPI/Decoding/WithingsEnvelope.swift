/// The JSON every Withings call answers with: `{"status": …, "body": …, "error": …}`.
///
/// `body` is decoded only when `status` is 0, so an error answer with an odd body still yields its status.
public struct WithingsEnvelope<Body: Decodable>: Decodable {
    /// Withings' status code (0 is success).
    public var status: Int
    /// The body, present only when `status` is 0.
    public var body: Body?
    /// Withings' error text, when it sent one.
    public var error: String?

    private enum CodingKeys: String, CodingKey {
        case status, body, error
    }

    /// Decodes the envelope; the body only for status 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.lenientInt(forKey: .status)
        error = try? container.decodeIfPresent(String.self, forKey: .error)
        body = status == 0 ? try container.decodeIfPresent(Body.self, forKey: .body) : nil
    }
}
