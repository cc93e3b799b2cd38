/// The Home Assistant device an entity hangs on.
public enum EntityOwner: Sendable, Equatable {
    /// The Withings user's device (named after the account).
    case account
    /// A physical Withings device (scale, mat, watch), for its battery.
    case physical(deviceID: String, name: String, model: String)
    /// The bridge device, for diagnostics.
    case bridge
}
