import WithingsAPI

/// Which webhook subscriptions the bridge wants, and what to do about the ones Withings holds.
///
/// Only subscriptions whose callback URL is exactly ours are ever touched: another consumer of the same
/// developer app (a second bridge, Home Assistant) keeps its own.
public struct SubscriptionPlan: Sendable, Equatable {
    /// The applis the bridge subscribes: weight, temperature, pressure, activity, sleep, bed in, bed out.
    public static let wantedApplis = [1, 2, 4, 16, 44, 50, 51]

    /// Our callback URL, `<public_url>/webhook/<secret>`.
    public var callbackURL: String
    /// The applis to keep subscribed.
    public var applis: [Int]

    /// Creates a plan.
    public init(callbackURL: String, applis: [Int] = SubscriptionPlan.wantedApplis) {
        self.callbackURL = callbackURL
        self.applis = applis
    }

    /// The subscriptions in `held` that are ours.
    public func ours(in held: [NotificationSubscription]) -> [NotificationSubscription] {
        held.filter { $0.callbackURL == callbackURL }
    }

    /// The applis still to subscribe, given what Withings holds.
    public func missing(in held: [NotificationSubscription]) -> [Int] {
        let present = Set(ours(in: held).map(\.appli))
        return applis.filter { !present.contains($0) }
    }
}
