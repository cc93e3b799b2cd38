import WithingsAPI

/// Reads an entity's value and attributes out of an `AccountSnapshot`, in the configured units.
public struct StateFormatter: Sendable {
    /// Units of published values.
    public var units: UnitSystem

    /// Creates a formatter.
    public init(units: UnitSystem = .metric) {
        self.units = units
    }

    /// The entity's value, or nil while unknown (also for diagnostics, which have their own topic).
    public func value(of entity: EntityDescription, in snapshot: AccountSnapshot) -> StateValue? {
        switch entity.source {
        case .measure(let type, let position):
            return snapshot.measures[MeasureKey(type: type, position: position)].map { number($0.value, entity) }
        case .sleep(let field):
            return snapshot.sleep?.data[field].map { number($0, entity) }
        case .activity(let field):
            return snapshot.activity?.data[field].map { number($0, entity) }
        case .goal(let goal):
            return goalValue(goal, snapshot.goals).map { number($0, entity) }
        case .workout(let field):
            return snapshot.lastWorkout.flatMap { workoutValue(field, $0, entity) }
        case .battery(let deviceID):
            let levels = entity.options ?? []
            let device = EntityPlanner.uniqueDevices(snapshot.devices).first { $0.deviceID == deviceID }
            return device?.battery.flatMap { levels.contains($0) ? .word($0) : nil }
        case .bed(let deviceID):
            let bed = deviceID.map { snapshot.bedByDevice[$0] } ?? snapshot.bed
            return bed.map { .binary($0.inBed) }
        case .diagnostic, .bridgeConnected:
            return nil
        }
    }

    /// The state payload: the value, or `None` while unknown.
    public func state(of entity: EntityDescription, in snapshot: AccountSnapshot) -> String {
        value(of: entity, in: snapshot)?.payload ?? StateValue.unknownPayload
    }

    /// The attributes JSON: where the value came from; `{}` while the value is unknown.
    public func attributes(of entity: EntityDescription, in snapshot: AccountSnapshot) -> JSONValue {
        guard value(of: entity, in: snapshot) != nil else { return .object([:]) }
        var fields: [String: JSONValue] = [:]
        switch entity.source {
        case .measure(let type, let position):
            guard let measure = snapshot.measures[MeasureKey(type: type, position: position)] else { break }
            fields["measured_at"] = .timestamp(measure.date)
            fields["attrib"] = .integer(Int64(measure.attrib))
            fields["group_id"] = .integer(measure.groupID)
            fields["device_id"] = measure.deviceID.map(JSONValue.string)
            fields["model"] = measure.model.map(JSONValue.string)
        case .sleep:
            guard let night = snapshot.sleep else { break }
            fields = Self.nightAttributes(night)
        case .activity:
            guard let day = snapshot.activity else { break }
            fields["date"] = .string(day.date)
            fields["measured_at"] = day.modified.map { .timestamp($0) }
            fields["device_id"] = day.deviceID.map(JSONValue.string)
            fields["timezone"] = day.timezone.map(JSONValue.string)
        case .workout:
            guard let workout = snapshot.lastWorkout else { break }
            fields = Self.workoutAttributes(workout)
        case .battery(let deviceID):
            guard let device = snapshot.devices.first(where: { $0.deviceID == deviceID }) else { break }
            fields["device_id"] = .string(device.deviceID)
            fields["model"] = .string(device.model)
            fields["type"] = .string(device.type)
            fields["model_id"] = device.modelID.map { .integer(Int64($0)) }
            fields["measured_at"] = device.lastSessionDate.map { .timestamp($0) }
        case .bed(let deviceID):
            guard let bed = deviceID.map({ snapshot.bedByDevice[$0] }) ?? snapshot.bed else { break }
            fields["measured_at"] = .timestamp(bed.eventDate)
            fields["received_at"] = .timestamp(bed.receivedAt)
            fields["device_id"] = bed.deviceID.map(JSONValue.string)
        case .goal, .diagnostic, .bridgeConnected:
            break
        }
        return .object(fields)
    }

    /// Attributes of a night: its date, start and end.
    static func nightAttributes(_ night: SleepSummary) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "date": .string(night.date), "start": .timestamp(night.startDate), "end": .timestamp(night.endDate),
            "measured_at": .timestamp(night.endDate),
        ]
        fields["device_id"] = night.deviceID.map(JSONValue.string)
        fields["model_id"] = night.modelID.map { .integer(Int64($0)) }
        fields["timezone"] = night.timezone.map(JSONValue.string)
        return fields
    }

    /// Attributes of a workout: its category, start and end.
    static func workoutAttributes(_ workout: Workout) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [
            "category": .integer(Int64(workout.category)), "start": .timestamp(workout.startDate),
            "end": .timestamp(workout.endDate), "measured_at": .timestamp(workout.endDate),
        ]
        fields["date"] = workout.date.map(JSONValue.string)
        fields["device_id"] = workout.deviceID.map(JSONValue.string)
        return fields
    }

    /// A Withings value in the published unit (scaled, converted).
    func number(_ withingsValue: Double, _ entity: EntityDescription) -> StateValue {
        .number(entity.conversion.convert(withingsValue * entity.scale, to: units))
    }

    private func goalValue(_ goal: GoalField, _ goals: Goals?) -> Double? {
        switch goal {
        case .steps: goals?.steps.map(Double.init)
        case .sleep: goals?.sleep.map(Double.init)
        case .weight: goals?.weight
        }
    }

    private func workoutValue(_ field: WorkoutField, _ workout: Workout, _ entity: EntityDescription) -> StateValue? {
        switch field {
        case .category:
            return .word(WorkoutCategory.name(for: workout.category))
        case .duration:
            return number(Double(workout.endDate - workout.startDate), entity)
        case .data(let name, let zeroIsUnknown, let missingIsZero):
            guard let value = workout.data[name] ?? (missingIsZero ? 0 : nil) else { return nil }
            if zeroIsUnknown && value == 0 { return nil }
            return number(value, entity)
        }
    }
}
