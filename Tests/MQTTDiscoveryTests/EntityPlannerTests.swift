import MQTTDiscovery
import Testing
import WithingsAPI

@Suite struct EntityPlannerTests {
    func keys(_ snapshot: AccountSnapshot) -> [String] { EntityPlanner.entities(for: snapshot).map(\.key) }

    @Test func everyCatalogEntityFromTheStart() {
        let keys = keys(AccountSnapshot(userID: 1))
        #expect(keys.count == EntityCatalog.accountEntities.count + EntityCatalog.diagnostics.count)
        #expect(keys.contains("weight_kg") && keys.contains("workout_type") && keys.contains("last_poll"))
        #expect(!keys.contains("in_bed"), "no mat and no bed event yet")
    }

    @Test func inBedWithAMatOrABedEvent() {
        let mat = Device(deviceID: "m1", type: "Sleep Monitor", battery: "high", model: "Sleep Analyzer", modelID: 63)
        #expect(keys(AccountSnapshot(userID: 1, devices: [mat])).contains("in_bed"))
        let bed = BedState(inBed: false, eventDate: 1, receivedAt: 1)
        #expect(keys(AccountSnapshot(userID: 1, bed: bed)).contains("in_bed"))
        #expect(!keys(AccountSnapshot(userID: 1, devices: [mat])).contains { $0.hasPrefix("in_bed_") })
    }

    @Test func perMatInBedWithSeveralMats() {
        let mats = [
            Device(deviceID: "AA-11", type: "Sleep Monitor", battery: nil, model: ""),
            Device(deviceID: "bb22", type: "Sleep Monitor", battery: "low", model: "Sleep"),
        ]
        let snapshot = AccountSnapshot(
            userID: 1, devices: mats,
            bedByDevice: ["bb22": BedState(inBed: true, eventDate: 5, receivedAt: 5, deviceID: "bb22")]
        )
        let keys = keys(snapshot)
        #expect(keys.filter { $0.hasPrefix("in_bed") } == ["in_bed", "in_bed_aa_11", "in_bed_bb22"])
        #expect(EntityPlanner.bedEntities(for: snapshot).map(\.key) == ["in_bed", "in_bed_aa_11", "in_bed_bb22"])
        let formatter = StateFormatter()
        #expect(formatter.state(of: EntityCatalog.inBed(forMat: "bb22"), in: snapshot) == "ON")
        #expect(formatter.state(of: EntityCatalog.inBed(forMat: "AA-11"), in: snapshot) == "None")
        #expect(formatter.state(of: EntityCatalog.inBed, in: snapshot) == "None")
    }

    @Test func bedEntitiesAreTheBedPartOfThePlan() {
        let mat = Device(deviceID: "m1", type: "Sleep Monitor", battery: "high", model: "Sleep Analyzer", modelID: 63)
        let oneMat = AccountSnapshot(userID: 1, devices: [mat])
        for snapshot in [AccountSnapshot(userID: 1), oneMat, TestData.snapshot] {
            let bedKeys = EntityPlanner.bedEntities(for: snapshot).map(\.key)
            #expect(bedKeys == keys(snapshot).filter { $0.hasPrefix("in_bed") })
        }
        #expect(EntityPlanner.bedEntities(for: oneMat).map(\.key) == ["in_bed"])
        #expect(EntityPlanner.bedEntities(for: AccountSnapshot(userID: 1)).isEmpty)
    }

    @Test func oneBatteryPerPhysicalDevice() {
        let keys = keys(TestData.snapshot).filter { $0.hasPrefix("battery_") }
        #expect(keys == ["battery_\(TestData.scaleID)", "battery_\(TestData.matID)"])
    }

    @Test func genericEntitiesForUnknownMeasuresSeen() {
        let keys = keys(TestData.snapshot)
        #expect(keys.contains("measure_999") && keys.contains("measure_1_5"))
        #expect(keys.filter { $0.hasPrefix("measure_") }.count == 2)
    }
}
