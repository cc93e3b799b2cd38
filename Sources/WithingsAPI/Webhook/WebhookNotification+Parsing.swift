extension WebhookNotification {
    /// Parses a webhook's `application/x-www-form-urlencoded` body.
    ///
    /// `userid` and `appli` are required integers; `startdate`/`enddate` must be integers when present;
    /// `date`, `deviceid` and `action` are kept as strings. A repeated field takes its last value. Any input,
    /// however malformed, yields a notification or a `WebhookParseError`, never a crash.
    public static func parse(formBody body: [UInt8]) throws(WebhookParseError) -> WebhookNotification {
        let pairs: [(name: String, value: String)]
        do {
            pairs = try FormURLEncoding.decode(body)
        } catch {
            switch error {
            case .badPercentEscape(let offset): throw .notFormEncoded("bad %-escape at byte \(offset)")
            case .invalidUTF8: throw .notFormEncoded("not UTF-8")
            }
        }
        var fields: [String: String] = [:]
        for pair in pairs { fields[pair.name] = pair.value }

        func integer(_ name: String) throws(WebhookParseError) -> Int64? {
            guard let text = fields[name] else { return nil }
            guard let value = Int64(text) else { throw .notAnInteger(field: name) }
            return value
        }
        guard let userID = try integer("userid") else { throw .missingField("userid") }
        guard let appli = try integer("appli") else { throw .missingField("appli") }
        guard let smallAppli = Int(exactly: appli) else { throw .notAnInteger(field: "appli") }
        return WebhookNotification(
            userID: userID, appli: smallAppli, startDate: try integer("startdate"), endDate: try integer("enddate"),
            date: fields["date"], deviceID: fields["deviceid"], action: fields["action"]
        )
    }
}
