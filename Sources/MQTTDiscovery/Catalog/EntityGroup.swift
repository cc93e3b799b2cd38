/// Which part of the Withings data an entity belongs to (one webhook/refresh category each).
public enum EntityGroup: String, Sendable, Equatable, CaseIterable {
    /// Body measures from `getmeas`.
    case measurement
    /// The newest main sleep from `getsummary`.
    case sleep
    /// Today's activity row from `getactivity`.
    case activity
    /// Goals from `getgoals`.
    case goals
    /// The last workout from `getworkouts`.
    case workout
    /// A physical device's battery from `getdevice`.
    case device
    /// Bed presence from webhook applis 50/51.
    case bed
    /// The bridge's own diagnostics.
    case bridge
}
