extension EntityCatalog {
    /// The last workout (Home Assistant's 7 sensors, same keys; like HA, no state class: one value per
    /// workout is not a time series). Elevation is floors, as for activity (see `activity`).
    public static let workout: [EntityDescription] = [
        EntityDescription(
            key: "workout_type", name: "Last workout type", group: .workout,
            source: .workout(.category), deviceClass: "enum", options: WorkoutCategory.options),
        EntityDescription(
            key: "workout_active_calories_burnt", name: "Calories burnt last workout", group: .workout,
            source: .workout(.data("calories", zeroIsUnknown: true)), unit: "kcal", precision: 1),
        EntityDescription(
            key: "workout_distance", name: "Distance travelled last workout", group: .workout,
            source: .workout(.data("distance")), unit: "m", deviceClass: "distance", precision: 0,
            conversion: .distance),
        EntityDescription(
            key: "workout_floors_climbed", name: "Floors climbed last workout", group: .workout,
            source: .workout(.data("elevation")), unit: "floors"),
        EntityDescription(
            key: "workout_intensity", name: "Last workout intensity", group: .workout,
            source: .workout(.data("intensity"))),
        EntityDescription(
            key: "workout_pause_duration", name: "Pause during last workout", group: .workout,
            source: .workout(.data("pause_duration", missingIsZero: true)), unit: "s",
            deviceClass: "duration"),
        EntityDescription(
            key: "workout_duration", name: "Last workout duration", group: .workout,
            source: .workout(.duration), unit: "s", deviceClass: "duration"),
    ]
}
