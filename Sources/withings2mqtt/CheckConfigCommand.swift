import ArgumentParser
import ConfigFile

/// `withings2mqtt check-config`: validates and prints the effective settings with secrets masked.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validates the configuration and prints the effective settings with secrets masked.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let loaded = try options.load()
        Console.out(EffectiveSettingsPrinter().render(loaded))
        for warning in loaded.warnings { Console.error("warning: \(warning)") }
    }
}
