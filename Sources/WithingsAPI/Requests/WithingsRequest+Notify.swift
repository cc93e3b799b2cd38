extension WithingsRequest {
    /// `POST /notify action=subscribe`: ask Withings to call `callbackURL` for `appli`.
    public static func subscribe(callbackURL: String, appli: Int, comment: String? = nil) -> WithingsRequest {
        var fields = [FormField("callbackurl", callbackURL), FormField("appli", String(appli))]
        if let comment { fields.append(FormField("comment", comment)) }
        return WithingsRequest(path: "/notify", action: "subscribe", fields: fields)
    }

    /// `POST /notify action=list`: the user's subscriptions, for one appli or all.
    public static func listSubscriptions(appli: Int? = nil) -> WithingsRequest {
        WithingsRequest(path: "/notify", action: "list", fields: appli.map { [FormField("appli", String($0))] } ?? [])
    }

    /// `POST /notify action=revoke`: remove the subscription of `callbackURL` for `appli`.
    public static func revoke(callbackURL: String, appli: Int) -> WithingsRequest {
        WithingsRequest(
            path: "/notify", action: "revoke",
            fields: [FormField("callbackurl", callbackURL), FormField("appli", String(appli))]
        )
    }
}
