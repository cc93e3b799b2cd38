import Bridge
import Logging

/// Tells systemd READY=1 after the first broker connection (later reconnects only update STATUS).
actor Readiness {
    private let notifier: SystemdNotifier
    private let logger: Logger
    private var ready = false

    init(notifier: SystemdNotifier, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
    }

    /// Records a connection change.
    func connection(_ connected: Bool) {
        do {
            if connected, !ready {
                ready = true
                try notifier.ready(status: "connected to the MQTT broker")
            } else {
                try notifier.status(connected ? "connected to the MQTT broker" : "MQTT broker unreachable, retrying")
            }
        } catch {
            logger.warning("systemd notify failed: \(error)")
        }
    }
}
