import WithingsAPI

/// A kind of Withings data that is fetched with its own API call.
public enum DataCategory: String, Sendable, Hashable, CaseIterable, Codable, CodingKeyRepresentable {
    /// `getmeas`: body measures, blood pressure, temperature, ECG results.
    case measures
    /// `getsummary`: sleep nights.
    case sleep
    /// `getactivity`: daily activity.
    case activity
    /// `getworkouts`: workouts.
    case workouts
    /// `getgoals`: goals (Withings sends no webhook for them).
    case goals
    /// `getdevice`: devices and their batteries.
    case devices

    /// The categories a webhook's appli asks to refresh; empty for bed events and profile actions.
    public static func refreshed(byAppli appli: Int) -> Set<DataCategory> {
        switch appli {
        case 1, 2, 4, 54: [.measures]
        case 16: [.activity, .workouts]
        case 44: [.sleep]
        default: []
        }
    }
}
