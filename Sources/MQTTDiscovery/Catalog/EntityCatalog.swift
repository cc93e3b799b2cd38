import WithingsAPI

/// Every entity withings2mqtt knows, as data, and the rules that make entities for what the catalog lacks.
public enum EntityCatalog {
    /// The account entities announced for every account (measurements, sleep, activity, goals, last workout).
    public static let accountEntities: [EntityDescription] = measurements + sleep + activity + goals + workout

    /// Every description: account entities, the battery and in-bed templates, the bridge's diagnostics.
    public static let all: [EntityDescription] =
        accountEntities + [batteryTemplate, inBed] + diagnostics + [bridgeConnected]

    /// The description of the account entity with this key, if the catalog has one.
    public static func entity(key: String) -> EntityDescription? {
        all.first { $0.key == key }
    }

    /// The entity for a measure key: the catalog's, or a generic one for a type or position it does not know.
    public static func entity(for measureKey: MeasureKey) -> EntityDescription {
        measurementsByKey[measureKey] ?? generic(for: measureKey)
    }

    /// A generic entity (`measure_<type>` or `measure_<type>_<position>`) for a measure the catalog lacks.
    ///
    /// A known type at an unknown position keeps that type's unit and classes; an unknown type is a unitless
    /// `measurement`. Enabled, because it only exists once the user has such data.
    public static func generic(for measureKey: MeasureKey) -> EntityDescription {
        let key = "measure_\(measureKey.type)" + (measureKey.position.map { "_\($0)" } ?? "")
        let source = EntitySource.measure(type: measureKey.type, position: measureKey.position)
        let positionSuffix = measureKey.position.map { " at position \($0)" } ?? ""
        if let sibling = measurements.first(where: {
            if case .measure(let type, _) = $0.source { return type == measureKey.type }
            return false
        }) {
            var entity = sibling
            entity.key = key
            entity.name = sibling.name + positionSuffix
            entity.source = source
            entity.enabledByDefault = true
            entity.inHomeAssistant = false
            return entity
        }
        return EntityDescription(
            key: key, name: "Measure type \(measureKey.type)" + positionSuffix, group: .measurement, source: source,
            stateClass: .measurement, inHomeAssistant: false
        )
    }

    /// The battery entity of one physical device: key `battery_<device id slug>`.
    public static func battery(for deviceID: String) -> EntityDescription {
        var entity = batteryTemplate
        entity.key = "battery_" + TopicSlug.make(deviceID)
        entity.source = .battery(deviceID: deviceID)
        return entity
    }

    /// The `in_bed_<device id slug>` entity of one mat, for accounts with several mats.
    public static func inBed(forMat deviceID: String) -> EntityDescription {
        var entity = inBed
        entity.key = "in_bed_" + TopicSlug.make(deviceID)
        entity.name = "In bed (mat \(deviceID.prefix(6)))"
        entity.source = .bed(deviceID: deviceID)
        entity.inHomeAssistant = false
        return entity
    }

    private static let measurementsByKey: [MeasureKey: EntityDescription] = {
        var table: [MeasureKey: EntityDescription] = [:]
        for entity in measurements {
            if case .measure(let type, let position) = entity.source {
                table[MeasureKey(type: type, position: position)] = entity
            }
        }
        return table
    }()
}
