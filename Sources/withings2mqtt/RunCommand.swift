import ArgumentParser

/// `withings2mqtt run`: the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Runs the bridge until SIGTERM or SIGINT.")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let loaded = try options.load()
        let logger = LogSetup.bootstrap(level: loaded.configuration.logLevel)
        for warning in loaded.warnings { logger.warning("\(warning)") }
        do {
            try await DaemonAssembly(configuration: loaded.configuration, logger: logger).run()
        } catch {
            logger.critical("cannot start: \(error)")
            throw ExitCode(1)
        }
    }
}
