import Bridge
import ServiceLifecycle

/// Pings systemd's watchdog at half of `WatchdogSec` while the process is healthy enough to schedule work.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let interval: Duration

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            try? notifier.watchdog()
            try? await Task.sleep(for: interval)
        }
    }
}
