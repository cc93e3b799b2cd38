import WithingsAPI

/// Builds the non-retained `<base>/<acct>/events` messages: one per new measure group, night, workout or bed
/// event, each with its own timestamp, so time-series consumers get every reading.
public struct EventBuilder: Sendable {
    /// The topic layout.
    public var layout: TopicLayout
    /// Converts values like the state topics.
    public var formatter: StateFormatter

    /// Creates a builder.
    public init(layout: TopicLayout, units: UnitSystem = .metric) {
        self.layout = layout
        self.formatter = StateFormatter(units: units)
    }

    /// The event message (not retained, QoS 1) carrying `event`.
    public func message(_ event: JSONValue, account: AccountIdentity) -> MQTTMessage {
        MQTTMessage(topic: layout.events(account: account.name), payload: event.serializedBytes, qos: 1, retain: false)
    }

    /// A measure group: `values` keyed by entity key (positions 6 and 7 folded like the latest-value rule).
    public func measureGroup(_ group: MeasureGroup) -> JSONValue {
        var values: [String: JSONValue] = [:]
        for measure in group.measures {
            let position = measure.position.flatMap { $0 == 6 || $0 == 7 ? nil : $0 }
            let entity = EntityCatalog.entity(for: MeasureKey(type: measure.type, position: position))
            values[entity.key] = json(formatter.number(measure.realValue, entity))
        }
        var fields: [String: JSONValue] = [
            "event": .string("measure_group"), "measured_at": .timestamp(group.date),
            "group_id": .integer(group.groupID), "attrib": .integer(Int64(group.attrib)),
            "category": .integer(Int64(group.category)),
            "values": .object(values),
        ]
        fields["device_id"] = group.deviceID.map(JSONValue.string)
        fields["model"] = group.model.map(JSONValue.string)
        return .object(fields)
    }

    /// A night (or nap): every sleep entity's value, with the night's date, start and end.
    public func sleep(_ night: SleepSummary) -> JSONValue {
        let snapshot = AccountSnapshot(userID: 0, sleep: night)
        var fields = StateFormatter.nightAttributes(night)
        fields["event"] = .string("sleep")
        fields["values"] = values(of: EntityCatalog.sleep, in: snapshot)
        return .object(fields)
    }

    /// A workout: every workout entity's value, with its start and end.
    public func workout(_ workout: Workout) -> JSONValue {
        let snapshot = AccountSnapshot(userID: 0, lastWorkout: workout)
        var fields = StateFormatter.workoutAttributes(workout)
        fields["event"] = .string("workout")
        fields["values"] = values(of: EntityCatalog.workout, in: snapshot)
        return .object(fields)
    }

    /// A bed event: `in_bed` `ON` / `OFF` at the event's time.
    public func bed(_ bed: BedState) -> JSONValue {
        var fields: [String: JSONValue] = [
            "event": .string("bed"), "in_bed": .string(bed.inBed ? "ON" : "OFF"),
            "measured_at": .timestamp(bed.eventDate), "received_at": .timestamp(bed.receivedAt),
        ]
        fields["device_id"] = bed.deviceID.map(JSONValue.string)
        return .object(fields)
    }

    private func values(of entities: [EntityDescription], in snapshot: AccountSnapshot) -> JSONValue {
        var values: [String: JSONValue] = [:]
        for entity in entities {
            if let value = formatter.value(of: entity, in: snapshot) { values[entity.key] = json(value) }
        }
        return .object(values)
    }

    private func json(_ value: StateValue) -> JSONValue {
        switch value {
        case .number(let number): .number(number)
        case .word(let word): .string(word)
        case .binary(let isOn): .string(isOn ? "ON" : "OFF")
        }
    }
}
