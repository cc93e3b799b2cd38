import WithingsAPI

/// Minimal form-body → `WebhookNotification` parsing, local to this target so it builds on its own.
///
/// The lead will replace it with the parser in `WithingsAPI`; keep the behaviour the same:
/// `userid` and `appli` are required numbers, `startdate`/`enddate` optional numbers, unknown fields ignored.
public enum WebhookForm {
    /// Parses an `application/x-www-form-urlencoded` Withings notification body.
    public static func parse(_ body: String) throws(WebhookFormError) -> WebhookNotification {
        guard !body.isEmpty else { throw .emptyBody }
        guard let pairs = FormURLDecoding.pairs(body) else { throw .badEncoding }
        // The first occurrence wins, so a repeated field cannot override what was already read.
        var fields: [String: String] = [:]
        for (name, value) in pairs where fields[name] == nil { fields[name] = value }

        func required<T: FixedWidthInteger>(_ name: String, as: T.Type) throws(WebhookFormError) -> T {
            guard let text = fields[name] else { throw .missingField(name) }
            guard let value = T(text) else { throw .notANumber(name) }
            return value
        }
        func optional(_ name: String) throws(WebhookFormError) -> Int64? {
            guard let text = fields[name], !text.isEmpty else { return nil }
            guard let value = Int64(text) else { throw .notANumber(name) }
            return value
        }
        return WebhookNotification(
            userID: try required("userid", as: Int64.self), appli: try required("appli", as: Int.self),
            startDate: try optional("startdate"), endDate: try optional("enddate"),
            date: fields["date"].flatMap { $0.isEmpty ? nil : $0 },
            deviceID: fields["deviceid"].flatMap { $0.isEmpty ? nil : $0 },
            action: fields["action"].flatMap { $0.isEmpty ? nil : $0 })
    }
}
