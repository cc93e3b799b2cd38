extension EntityCatalog {
    /// Battery of one physical device (template: instantiate with `battery(for:)`).
    public static let batteryTemplate = EntityDescription(
        key: "battery", name: "Battery", group: .device, source: .battery(deviceID: nil), deviceClass: "enum",
        entityCategory: "diagnostic", options: ["low", "medium", "high"]
    )

    /// Bed presence of the account (the newest event of any of its mats).
    public static let inBed = EntityDescription(
        key: "in_bed", name: "In bed", component: .binarySensor, group: .bed, source: .bed(deviceID: nil),
        deviceClass: "occupancy"
    )

    /// The bridge's per-account diagnostic entities, read from `<base>/<acct>/diagnostics`.
    public static let diagnostics: [EntityDescription] = [
        diagnostic("last_poll", "last poll", .lastPoll, deviceClass: "timestamp"),
        diagnostic("last_webhook", "last webhook", .lastWebhook, deviceClass: "timestamp"),
        // Counted since the bridge started: a restart drops it to 0, which `total_increasing` reads as a new cycle.
        diagnostic("api_errors", "API errors", .apiErrors, stateClass: .totalIncreasing),
        diagnostic("token_expiry", "token expiry", .tokenExpiry, deviceClass: "timestamp"),
        EntityDescription(
            key: "subscriptions_ok", name: "subscriptions OK", component: .binarySensor, group: .bridge,
            source: .diagnostic(.subscriptionsOK), entityCategory: "diagnostic", inHomeAssistant: false
        ),
    ]

    /// Whether the bridge is connected to the broker (reads `<base>/bridge/state`).
    public static let bridgeConnected = EntityDescription(
        key: "connected", name: "Connected", component: .binarySensor, group: .bridge, source: .bridgeConnected,
        deviceClass: "connectivity", entityCategory: "diagnostic", inHomeAssistant: false
    )

    private static func diagnostic(
        _ key: String, _ name: String, _ field: DiagnosticField, deviceClass: String? = nil,
        stateClass: StateClass? = nil
    ) -> EntityDescription {
        EntityDescription(
            key: key, name: name, group: .bridge, source: .diagnostic(field), deviceClass: deviceClass,
            stateClass: stateClass, entityCategory: "diagnostic", inHomeAssistant: false
        )
    }
}
