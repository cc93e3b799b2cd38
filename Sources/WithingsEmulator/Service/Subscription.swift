/// One notify subscription: a user wants `appli` events posted to `callbackURL`.
public struct Subscription: Sendable, Equatable {
    /// The subscribing user.
    public var userID: Int64
    /// The notification category.
    public var appli: Int
    /// Where events are posted.
    public var callbackURL: String
    /// The free text given at subscription.
    public var comment: String?
    /// Expiry, epoch seconds (Withings reports 2147483647 for "never").
    public var expires: Int64 = 2_147_483_647

    /// The `profiles[]` item of notify list / the body of notify get.
    public var json: JSONValue {
        [
            "appli": .int(Int64(appli)), "callbackurl": .string(callbackURL),
            "comment": comment.map(JSONValue.string) ?? .null, "expires": .int(expires),
        ]
    }
}
