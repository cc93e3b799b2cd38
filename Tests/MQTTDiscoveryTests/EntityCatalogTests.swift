import MQTTDiscovery
import Testing
import WithingsAPI

@Suite struct EntityCatalogTests {
    // withings-anchor.md section 1: every key of Home Assistant's integration (but `vo2max`, see the catalog),
    // the 15 segment keys are checked in `hasTheFifteenSegmentSensors`.
    static let homeAssistantKeys: [String] = [
        "weight_kg", "fat_mass_kg", "fat_free_mass_kg", "muscle_mass_kg", "bone_mass_kg", "height_m", "temperature_c",
        "body_temperature_c", "skin_temperature_c", "fat_ratio_pct", "diastolic_blood_pressure_mmhg",
        "systolic_blood_pressure_mmhg", "heart_pulse_bpm", "spo2_pct", "hydration", "pulse_wave_velocity", "vo2max",
        "extracellular_water", "intracellular_water", "vascular_age", "visceral_fat", "electrodermal_activity_feet",
        "electrodermal_activity_left_foot", "electrodermal_activity_right_foot",
        "sleep_breathing_disturbances_intensity", "sleep_deep_duration_seconds", "sleep_tosleep_duration_seconds",
        "sleep_towakeup_duration_seconds", "sleep_heart_rate_average_bpm", "sleep_heart_rate_max_bpm",
        "sleep_heart_rate_min_bpm", "sleep_light_duration_seconds", "sleep_rem_duration_seconds",
        "sleep_respiratory_average_bpm", "sleep_respiratory_max_bpm", "sleep_respiratory_min_bpm", "sleep_score",
        "sleep_snoring", "sleep_snoring_eposode_count", "sleep_wakeup_count", "sleep_wakeup_duration_seconds",
        "activity_steps_today", "activity_distance_today", "activity_floors_climbed_today",
        "activity_soft_duration_today", "activity_moderate_duration_today", "activity_intense_duration_today",
        "activity_active_duration_today", "activity_active_calories_burnt_today", "activity_total_calories_burnt_today",
        "step_goal", "sleep_goal", "weight_goal", "workout_type", "workout_active_calories_burnt", "workout_distance",
        "workout_floors_climbed", "workout_intensity", "workout_pause_duration", "workout_duration", "battery",
        "in_bed",
    ]

    @Test func hasEveryHomeAssistantKey() {
        let keys = Set(EntityCatalog.all.map(\.key))
        for key in Self.homeAssistantKeys { #expect(keys.contains(key), "missing \(key)") }
        let marked = EntityCatalog.all.filter(\.inHomeAssistant).map(\.key).filter { !$0.contains("_for_segments_") }
        let notHomeAssistants = Set(marked).subtracting(Self.homeAssistantKeys)
        #expect(notHomeAssistants.isEmpty, "marked as Home Assistant's: \(notHomeAssistants.sorted())")
    }

    @Test func hasTheFifteenSegmentSensors() {
        let expected: [(String, Int)] = [
            ("torso", 12), ("left_arm", 3), ("right_arm", 2), ("left_leg", 10),
            ("right_leg", 11),
        ]
        for (prefix, type) in [("muscle_mass", 175), ("fat_free_mass", 173), ("fat_mass", 174)] {
            for (segment, position) in expected {
                let entity = EntityCatalog.entity(for: MeasureKey(type: type, position: position))
                #expect(entity.key == "\(prefix)_for_segments_\(segment)")
                #expect(entity.unit == "kg" && entity.deviceClass == "weight" && entity.precision == 2)
                #expect(!entity.enabledByDefault)
            }
        }
    }

    @Test func hasWhatHomeAssistantLeavesOut() {
        for type in [226, 227, 158, 159, 167, 130, 135, 136, 137, 138, 139, 229] {
            let entity = EntityCatalog.entity(for: MeasureKey(type: type))
            #expect(!entity.key.hasPrefix("measure_"), "type \(type) has no catalog entry")
            #expect(!entity.inHomeAssistant)
        }
        for field in [
            "total_sleep_time", "total_timeinbed", "sleep_efficiency", "waso", "out_of_bed_count",
            "apnea_hypopnea_index",
        ] {
            #expect(EntityCatalog.sleep.contains { $0.source == .sleep(field: field) }, "\(field)")
        }
    }

    @Test func keysAreUniqueAndTopicSafe() {
        let keys = EntityCatalog.all.map(\.key)
        #expect(Set(keys).count == keys.count)
        for key in keys {
            #expect(key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }, "\(key)")
        }
    }

    @Test func homeAssistantFlagsAreKept() throws {
        let weight = try #require(EntityCatalog.entity(key: "weight_kg"))
        #expect(weight.source == .measure(type: 1, position: nil) && weight.precision == 2 && weight.enabledByDefault)
        let height = try #require(EntityCatalog.entity(key: "height_m"))
        #expect(height.unit == "m" && height.deviceClass == "distance" && !height.enabledByDefault)
        let deep = try #require(EntityCatalog.entity(key: "sleep_deep_duration_seconds"))
        #expect(deep.enabledByDefault && deep.unit == "s" && deep.deviceClass == "duration")
        let light = try #require(EntityCatalog.entity(key: "sleep_light_duration_seconds"))
        #expect(!light.enabledByDefault)
        let steps = try #require(EntityCatalog.entity(key: "activity_steps_today"))
        #expect(steps.stateClass == .totalIncreasing && steps.unit == "steps" && steps.deviceClass == nil)
        let floors = try #require(EntityCatalog.entity(key: "activity_floors_climbed_today"))
        #expect(floors.unit == "floors" && floors.deviceClass == nil && floors.conversion == .none)
        let workoutType = try #require(EntityCatalog.entity(key: "workout_type"))
        #expect(workoutType.options?.count == 49 && workoutType.options?.first == "walk")
        #expect(workoutType.options?.last == "indoor_cycling" && workoutType.stateClass == nil)
        let battery = try #require(EntityCatalog.entity(key: "battery"))
        #expect(battery.options == ["low", "medium", "high"] && battery.deviceClass == "enum")
    }

    @Test func genericEntitiesForUnknownMeasures() {
        let unknown = EntityCatalog.entity(for: MeasureKey(type: 999))
        #expect(unknown.key == "measure_999" && unknown.unit == nil && unknown.stateClass == .measurement)
        #expect(unknown.name == "Measure type 999" && unknown.enabledByDefault)
        let positional = EntityCatalog.entity(for: MeasureKey(type: 1, position: 5))
        #expect(positional.key == "measure_1_5" && positional.unit == "kg" && positional.deviceClass == "weight")
        #expect(positional.name == "Weight at position 5" && positional.source == .measure(type: 1, position: 5))
    }

    @Test func workoutCategoryNames() {
        #expect(WorkoutCategory.name(for: 1) == "walk")
        #expect(WorkoutCategory.name(for: 307) == "indoor_running")
        #expect(WorkoutCategory.name(for: 4242) == "other")
        #expect(Set(WorkoutCategory.options).count == 49)
    }
}
