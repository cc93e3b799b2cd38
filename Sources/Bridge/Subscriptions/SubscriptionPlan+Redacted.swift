extension SubscriptionPlan: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The plan with the webhook path secret masked: ServiceLifecycle logs every service at debug level.
    public var description: String {
        let masked = callbackURL.firstRange(of: "/webhook/").map { callbackURL[..<$0.upperBound] + "********" }
        return "SubscriptionPlan(callbackURL: \(masked ?? "********"), applis: \(applis))"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Keeps `dump` and reflection-based printing from showing the secret.
    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}
