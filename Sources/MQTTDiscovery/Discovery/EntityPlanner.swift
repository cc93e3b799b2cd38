import WithingsAPI

/// Decides which entities exist for an account snapshot.
///
/// Decision: every catalog entity is announced for every account from the start, whatever devices it has, with
/// state `None` until known (PRODUCT 5: nobody should have to step on a scale to see an entity). Home Assistant's
/// enabled-by-default flags keep the entity list short; the rest is one click away. We do not know ahead which
/// kinds of data an account will produce (a watch adds sleep and activity, a second-hand scale adds body
/// composition), so "only categories with data" would bring back the late-appearing entities users complain
/// about. Only what cannot exist without hardware waits: `in_bed` needs a mat or a bed event, batteries need a
/// device, and generic entities appear with the first unknown measure type.
public enum EntityPlanner {
    /// The entities of one account, in a stable order: catalog, generic measures, in-bed, batteries, diagnostics.
    public static func entities(for snapshot: AccountSnapshot) -> [PlannedEntity] {
        var planned = EntityCatalog.accountEntities.map { PlannedEntity($0) }
        let unknown = snapshot.measures.keys.filter { key in
            !EntityCatalog.accountEntities.contains { $0.source == .measure(type: key.type, position: key.position) }
        }
        planned += unknown.sorted().map { PlannedEntity(EntityCatalog.generic(for: $0)) }
        planned += bedEntities(for: snapshot)
        for device in uniqueDevices(snapshot.devices) {
            // Some mats come with an empty model name; the type ("Sleep Monitor") is the next best label.
            let model = device.model.isEmpty ? device.type : device.model
            let owner = EntityOwner.physical(deviceID: device.deviceID, name: model, model: model)
            planned.append(PlannedEntity(EntityCatalog.battery(for: device.deviceID), owner: owner))
        }
        planned += EntityCatalog.diagnostics.map { PlannedEntity($0, owner: .bridge) }
        return planned
    }

    /// The bed-presence entities alone, as `entities(for:)` plans them: `in_bed` once the account has a mat or a
    /// bed event, and one `in_bed_<mat>` per mat when there are several. A bed event updates only these, and
    /// planning the whole catalog for it was a quarter of its CPU time in a burst (BENCHMARKS.md).
    public static func bedEntities(for snapshot: AccountSnapshot) -> [PlannedEntity] {
        guard snapshot.hasSleepMat else { return [] }
        let mats = matIDs(of: snapshot)
        let perMat = mats.count > 1 ? mats.map { PlannedEntity(EntityCatalog.inBed(forMat: $0)) } : []
        return [PlannedEntity(EntityCatalog.inBed)] + perMat
    }

    /// The mats of an account: sleep-mat devices and every mat a bed event named, sorted.
    static func matIDs(of snapshot: AccountSnapshot) -> [String] {
        var ids = Set(snapshot.bedByDevice.keys)
        for device in snapshot.devices where device.isSleepMat && !device.deviceID.isEmpty {
            ids.insert(device.deviceID)
        }
        return ids.sorted()
    }

    /// One entry per device id (getdevice may list a device twice); the first with a known battery wins.
    static func uniqueDevices(_ devices: [Device]) -> [Device] {
        var order: [String] = []
        var chosen: [String: Device] = [:]
        for device in devices where !device.deviceID.isEmpty {
            if let existing = chosen[device.deviceID] {
                if existing.battery == nil, device.battery != nil { chosen[device.deviceID] = device }
            } else {
                order.append(device.deviceID)
                chosen[device.deviceID] = device
            }
        }
        return order.compactMap { chosen[$0] }
    }
}
