extension EntityCatalog {
    /// Today's activity (Home Assistant's 9 sensors, same keys).
    ///
    /// State class: Home Assistant's own integration uses `total` with `last_reset` at local midnight. Over MQTT
    /// that needs a `last_reset_value_template` reading a JSON state, which our plain-number state topics do not
    /// have (and Domoticz cannot parse such templates). `total_increasing` gives the same long-term statistics
    /// for a counter that restarts every day: the drop at a new day starts a new cycle. The cost: a downward
    /// correction by Withings during the day also reads as a new cycle.
    ///
    /// Floors: Withings documents `elevation` as the number of floors climbed; Home Assistant labels it metres
    /// with class `distance`, which is wrong and would be converted (to ft/mi) by unit settings. We publish
    /// `floors` without a device class and never convert it.
    public static let activity: [EntityDescription] = [
        counter("activity_steps_today", "Steps today", "steps", unit: "steps"),
        counter(
            "activity_distance_today", "Distance travelled today", "distance", unit: "m", deviceClass: "distance",
            precision: 0, conversion: .distance),
        counter("activity_floors_climbed_today", "Floors climbed today", "elevation", unit: "floors"),
        counter(
            "activity_soft_duration_today", "Soft activity today", "soft", unit: "s", deviceClass: "duration",
            enabled: false),
        counter(
            "activity_moderate_duration_today", "Moderate activity today", "moderate", unit: "s",
            deviceClass: "duration", enabled: false),
        counter(
            "activity_intense_duration_today", "Intense activity today", "intense", unit: "s",
            deviceClass: "duration", enabled: false),
        counter("activity_active_duration_today", "Active time today", "active", unit: "s", deviceClass: "duration"),
        // Withings' `calories` are kcal; HA's "calories" label undersells them by a factor of 1000.
        counter(
            "activity_active_calories_burnt_today", "Active calories burnt today", "calories", unit: "kcal",
            precision: 1),
        counter(
            "activity_total_calories_burnt_today", "Total calories burnt today", "totalcalories", unit: "kcal",
            precision: 1),
    ]

    /// Goals (Home Assistant's 3 sensors, same keys).
    public static let goals: [EntityDescription] = [
        EntityDescription(
            key: "step_goal", name: "Step goal", group: .goals, source: .goal(.steps), unit: "steps",
            stateClass: .measurement),
        EntityDescription(
            key: "sleep_goal", name: "Sleep goal", group: .goals, source: .goal(.sleep), unit: "s",
            deviceClass: "duration", stateClass: .measurement),
        EntityDescription(
            key: "weight_goal", name: "Weight goal", group: .goals, source: .goal(.weight), unit: "kg",
            deviceClass: "weight", stateClass: .measurement, conversion: .mass),
    ]

    private static func counter(
        _ key: String, _ name: String, _ field: String, unit: String, deviceClass: String? = nil,
        precision: Int? = nil, enabled: Bool = true, conversion: UnitConversion = .none
    ) -> EntityDescription {
        EntityDescription(
            key: key, name: name, group: .activity, source: .activity(field: field), unit: unit,
            deviceClass: deviceClass, stateClass: .totalIncreasing, precision: precision, enabledByDefault: enabled,
            conversion: conversion
        )
    }
}
