import ArgumentParser

/// The `withings2mqtt` command: Withings health data and bed presence to MQTT.
@main
struct Withings2MQTT: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withings2mqtt",
        abstract: "Bridges Withings health data and bed presence to MQTT with Home Assistant discovery.",
        version: BuildInfo.version,
        subcommands: [RunCommand.self, AuthCommand.self, CheckConfigCommand.self, SubscriptionsCommand.self]
    )
}
