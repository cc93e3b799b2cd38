import WithingsAPI

extension AccountState {
    /// The snapshot these stored values describe, with "today's" activity picked from the recent rows.
    public func snapshot(userID: Int64, today: String) -> AccountSnapshot {
        var measureMap: [MeasureKey: LatestMeasure] = [:]
        for stored in measures {
            measureMap[MeasureKey(type: stored.type, position: stored.position)] = LatestMeasure(
                value: stored.value, date: stored.date, attrib: stored.attrib, groupID: stored.groupID,
                deviceID: stored.deviceID, model: stored.model)
        }
        return AccountSnapshot(
            userID: userID,
            measures: measureMap,
            sleep: sleep.map {
                SleepSummary(
                    id: $0.id, date: $0.date, startDate: $0.startDate, endDate: $0.endDate, timezone: $0.timezone,
                    model: $0.model, modelID: $0.modelID, deviceID: $0.deviceID, modified: $0.modified, data: $0.data)
            },
            activity: activityRows.first { $0.date == today },
            lastWorkout: lastWorkout.map {
                Workout(
                    id: $0.id, category: $0.category, startDate: $0.startDate, endDate: $0.endDate, date: $0.date,
                    deviceID: $0.deviceID, modified: $0.modified, data: $0.data)
            },
            goals: goals.map { Goals(steps: $0.steps, sleep: $0.sleep, weight: $0.weight) },
            devices: devices.map {
                Device(
                    deviceID: $0.deviceID, type: $0.type, battery: $0.battery, model: $0.model, modelID: $0.modelID,
                    timezone: $0.timezone, firstSessionDate: $0.firstSessionDate, lastSessionDate: $0.lastSessionDate)
            },
            bed: bed,
            bedByDevice: bedByDevice)
    }

    /// The recent activity rows as models.
    public var activityRows: [ActivityDay] {
        recentActivity.map {
            ActivityDay(
                date: $0.date, timezone: $0.timezone, deviceID: $0.deviceID, modified: $0.modified, data: $0.data)
        }
    }

    /// Stores the values of a snapshot (cursors, bed states and timestamps are kept as they are).
    public mutating func store(_ snapshot: AccountSnapshot, recentActivity rows: [ActivityDay]) {
        measures = snapshot.measures.keys.sorted().map { key in
            let measure = snapshot.measures[key]!
            return StoredMeasure(
                type: key.type, position: key.position, value: measure.value, date: measure.date,
                attrib: measure.attrib, groupID: measure.groupID, deviceID: measure.deviceID, model: measure.model)
        }
        sleep = snapshot.sleep.map {
            StoredSleep(
                id: $0.id, date: $0.date, startDate: $0.startDate, endDate: $0.endDate, timezone: $0.timezone,
                model: $0.model, modelID: $0.modelID, deviceID: $0.deviceID, modified: $0.modified, data: $0.data)
        }
        recentActivity = rows.map {
            StoredActivity(
                date: $0.date, timezone: $0.timezone, deviceID: $0.deviceID, modified: $0.modified, data: $0.data)
        }
        lastWorkout = snapshot.lastWorkout.map {
            StoredWorkout(
                id: $0.id, category: $0.category, startDate: $0.startDate, endDate: $0.endDate, date: $0.date,
                deviceID: $0.deviceID, modified: $0.modified, data: $0.data)
        }
        goals = snapshot.goals.map { StoredGoals(steps: $0.steps, sleep: $0.sleep, weight: $0.weight) }
        devices = snapshot.devices.map {
            StoredDevice(
                deviceID: $0.deviceID, type: $0.type, battery: $0.battery, model: $0.model, modelID: $0.modelID,
                timezone: $0.timezone, firstSessionDate: $0.firstSessionDate, lastSessionDate: $0.lastSessionDate)
        }
        bed = snapshot.bed
        bedByDevice = snapshot.bedByDevice
    }
}
