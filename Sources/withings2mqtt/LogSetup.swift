import Logging

/// Bootstraps swift-log once, for the whole process.
enum LogSetup {
    /// Sends logs to standard error at `level` (`info` when unknown) and returns the root logger.
    static func bootstrap(level: String) -> Logger {
        let parsed = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
        return Logger(label: "withings2mqtt")
    }
}
