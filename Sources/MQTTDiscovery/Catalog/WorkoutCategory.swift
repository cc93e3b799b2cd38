/// Withings workout categories and the words the `workout_type` enum publishes (Home Assistant's 49 options).
public enum WorkoutCategory {
    /// Category id → option word, in Withings' order.
    public static let names: [(id: Int, name: String)] = [
        (1, "walk"), (2, "run"), (3, "hiking"), (4, "skating"), (5, "bmx"), (6, "bicycling"), (7, "swimming"),
        (8, "surfing"), (9, "kitesurfing"), (10, "windsurfing"), (11, "bodyboard"), (12, "tennis"),
        (13, "table_tennis"), (14, "squash"), (15, "badminton"), (16, "lift_weights"), (17, "calisthenics"),
        (18, "elliptical"), (19, "pilates"), (20, "basketball"), (21, "soccer"), (22, "football"), (23, "rugby"),
        (24, "volleyball"), (25, "waterpolo"), (26, "horse_riding"), (27, "golf"), (28, "yoga"), (29, "dancing"),
        (30, "boxing"), (31, "fencing"), (32, "wrestling"), (33, "martial_arts"), (34, "skiing"),
        (35, "snowboarding"), (36, "other"), (128, "no_activity"), (187, "rowing"), (188, "zumba"),
        (191, "baseball"), (192, "handball"), (193, "hockey"), (194, "ice_hockey"), (195, "climbing"),
        (196, "ice_skating"), (272, "multi_sport"), (306, "indoor_walk"), (307, "indoor_running"),
        (308, "indoor_cycling"),
    ]

    /// The option words, in Withings' order.
    public static var options: [String] { names.map(\.name) }

    /// The word for a category; unknown ids map to `other` (an enum state must be one of its options).
    public static func name(for id: Int) -> String {
        names.first { $0.id == id }?.name ?? "other"
    }
}
