/// Where an entity's state comes from in an `AccountSnapshot` (or the bridge's diagnostics).
public enum EntitySource: Sendable, Equatable {
    /// The latest value of a measure type at a position (nil: no position).
    case measure(type: Int, position: Int?)
    /// A field of the newest sleep summary's `data`.
    case sleep(field: String)
    /// A field of today's activity row.
    case activity(field: String)
    /// A goal.
    case goal(GoalField)
    /// A value of the last workout.
    case workout(WorkoutField)
    /// A physical device's battery level (nil in the catalog's template; the device id once instantiated).
    case battery(deviceID: String?)
    /// Bed presence: the account's last bed event (nil), or one mat's.
    case bed(deviceID: String?)
    /// A value of the account's diagnostics JSON.
    case diagnostic(DiagnosticField)
    /// Whether the bridge is connected (`<base>/bridge/state`).
    case bridgeConnected
}
