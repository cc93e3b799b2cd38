extension EntityCatalog {
    /// Body measures: Home Assistant's (same keys, names, units, classes, precision, enabled flags) and ours.
    public static let measurements: [EntityDescription] =
        homeAssistantMeasurements + segmentMeasurements + extraMeasurements

    // Home Assistant's `withings` measurement sensors (withings-anchor.md 1a). Differences on purpose:
    // blood pressure uses device class `pressure` with `mmHg` (as HA's newest code; HA accepts the pair);
    // vascular age gets the unit `years` and every measure `measurement` (units help Domoticz pick a type);
    // VO2 max is keyed `vo2max`, not HA's `vo2_max`: Domoticz silently skips every object id ending `_max`.
    private static let homeAssistantMeasurements: [EntityDescription] = [
        weight("weight_kg", "Weight", 1),
        weight("fat_mass_kg", "Fat mass", 8),
        weight("fat_free_mass_kg", "Fat free mass", 5),
        weight("muscle_mass_kg", "Muscle mass", 76),
        weight("bone_mass_kg", "Bone mass", 88),
        measure(
            "height_m", "Height", 4, unit: "m", deviceClass: "distance", precision: 2, enabled: false,
            conversion: .height),
        measure("temperature_c", "Temperature", 12, unit: "°C", deviceClass: "temperature", conversion: .temperature),
        measure(
            "body_temperature_c", "Body temperature", 71, unit: "°C", deviceClass: "temperature",
            conversion: .temperature),
        measure(
            "skin_temperature_c", "Skin temperature", 73, unit: "°C", deviceClass: "temperature",
            conversion: .temperature),
        measure("fat_ratio_pct", "Fat ratio", 6, unit: "%", precision: 2),
        measure("diastolic_blood_pressure_mmhg", "Diastolic blood pressure", 9, unit: "mmHg", deviceClass: "pressure"),
        measure("systolic_blood_pressure_mmhg", "Systolic blood pressure", 10, unit: "mmHg", deviceClass: "pressure"),
        measure("heart_pulse_bpm", "Heart pulse", 11, unit: "bpm"),
        measure("spo2_pct", "SpO2", 54, unit: "%"),
        weight("hydration", "Hydration", 77, precision: nil, enabled: false),
        measure("pulse_wave_velocity", "Pulse wave velocity", 91, unit: "m/s", deviceClass: "speed"),
        measure("vo2max", "VO2 max", 123, unit: "ml/min/kg", enabled: false),
        weight("extracellular_water", "Extracellular water", 168, precision: nil, enabled: false),
        weight("intracellular_water", "Intracellular water", 169, precision: nil, enabled: false),
        measure("vascular_age", "Vascular age", 155, unit: "years", enabled: false),
        measure("visceral_fat", "Visceral fat index", 170, enabled: false),
        measure("electrodermal_activity_feet", "Electrodermal activity feet", 196, unit: "%", enabled: false),
        measure("electrodermal_activity_left_foot", "Electrodermal activity left foot", 197, unit: "%", enabled: false),
        measure(
            "electrodermal_activity_right_foot", "Electrodermal activity right foot", 198, unit: "%",
            enabled: false),
    ]

    /// Body Scan segments: types 175/173/174 at positions torso 12, left arm 3, right arm 2, left leg 10,
    /// right leg 11 (HA's 15 keys `<type>_for_segments_<segment>`).
    private static let segmentMeasurements: [EntityDescription] = {
        let types: [(key: String, name: String, type: Int)] = [
            ("muscle_mass", "Muscle mass", 175), ("fat_free_mass", "Fat free mass", 173), ("fat_mass", "Fat mass", 174),
        ]
        let segments: [(key: String, name: String, position: Int)] = [
            ("torso", "torso", 12), ("left_arm", "left arm", 3), ("right_arm", "right arm", 2),
            ("left_leg", "left leg", 10), ("right_leg", "right leg", 11),
        ]
        return types.flatMap { type in
            segments.map { segment in
                weight(
                    "\(type.key)_for_segments_\(segment.key)", "\(type.name) in \(segment.name)", type.type,
                    position: segment.position, enabled: false)
            }
        }
    }()

    // What Home Assistant leaves out although Withings sends it. ECG intervals are in ms per Withings' table
    // (HA's `duration` class accepts ms); the AFib results are class codes (0 negative, 1 positive,
    // 2 inconclusive, 3 no signal, more exist), published as numbers without unit or state class.
    private static let extraMeasurements: [EntityDescription] = [
        measure("basal_metabolic_rate_kcal", "Basal metabolic rate", 226, unit: "kcal", enabled: false, ours: true),
        measure("metabolic_age", "Metabolic age", 227, unit: "years", enabled: false, ours: true),
        measure("nerve_health_score_left_foot", "Nerve health score left foot", 158, enabled: false, ours: true),
        measure("nerve_health_score_right_foot", "Nerve health score right foot", 159, enabled: false, ours: true),
        measure("nerve_health_score_feet", "Nerve health score feet", 167, enabled: false, ours: true),
        measure(
            "electrochemical_skin_conductance", "Electrochemical skin conductance", 229, enabled: false,
            ours: true),
        measure("ecg_afib_result", "ECG atrial fibrillation result", 130, stateClass: nil, enabled: false, ours: true),
        measure(
            "ecg_qrs_interval_ms", "ECG QRS interval", 135, unit: "ms", deviceClass: "duration", enabled: false,
            ours: true),
        measure(
            "ecg_pr_interval_ms", "ECG PR interval", 136, unit: "ms", deviceClass: "duration", enabled: false,
            ours: true),
        measure(
            "ecg_qt_interval_ms", "ECG QT interval", 137, unit: "ms", deviceClass: "duration", enabled: false,
            ours: true),
        measure(
            "ecg_corrected_qt_interval_ms", "ECG corrected QT interval", 138, unit: "ms", deviceClass: "duration",
            enabled: false, ours: true),
        measure("ppg_afib_result", "PPG atrial fibrillation result", 139, stateClass: nil, enabled: false, ours: true),
    ]

    private static func measure(
        _ key: String, _ name: String, _ type: Int, position: Int? = nil, unit: String? = nil,
        deviceClass: String? = nil, stateClass: StateClass? = .measurement, precision: Int? = nil,
        enabled: Bool = true, conversion: UnitConversion = .none, ours: Bool = false
    ) -> EntityDescription {
        EntityDescription(
            key: key, name: name, group: .measurement, source: .measure(type: type, position: position), unit: unit,
            deviceClass: deviceClass, stateClass: stateClass, precision: precision, enabledByDefault: enabled,
            conversion: conversion, inHomeAssistant: !ours
        )
    }

    private static func weight(
        _ key: String, _ name: String, _ type: Int, position: Int? = nil, precision: Int? = 2, enabled: Bool = true
    ) -> EntityDescription {
        measure(
            key, name, type, position: position, unit: "kg", deviceClass: "weight", precision: precision,
            enabled: enabled, conversion: .mass)
    }
}
