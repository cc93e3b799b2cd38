import Foundation
import Locking
import Logging
import ServiceLifecycle
import WebhookServer
import WithingsAPI

/// A running server on a free loopback port, recording what its callbacks receive.
final class ServerHarness: Sendable {
    /// The test secret.
    static let secret = "test-secret-0123456789abcdef"

    let server: WebhookHTTPServer
    let port: Int
    private let recorder: CallbackRecorder
    private let serviceGroup: ServiceGroup
    private let runTask: Task<Void, any Error>

    /// Starts a server with `configure` applied to a loopback configuration on port 0; each notification is
    /// reported applied after `applyDelay` (nil: never).
    init(
        outcome: OAuthCallbackOutcome = .success(message: "Account alice is linked to Withings user 42."),
        oauthDelay: Duration = .zero,
        applyDelay: Duration? = .zero,
        configure: (inout WebhookServerConfiguration) -> Void = { _ in }
    ) async throws {
        var configuration = WebhookServerConfiguration(host: "127.0.0.1", port: 0, secret: Self.secret)
        configure(&configuration)
        let logger = Logger(label: "webhook-test") { _ in SwiftLogNoOpLogHandler() }
        let recorder = CallbackRecorder()
        self.recorder = recorder
        let server = WebhookHTTPServer(
            configuration: configuration, logger: logger,
            onNotification: { notification, applied in
                recorder.notifications.withLock { $0.append(notification) }
                // nil: the bridge never reports the notification applied (the answer's deadline decides).
                guard let applyDelay else { return }
                if applyDelay == .zero { return applied() }
                Task {
                    try? await Task.sleep(for: applyDelay)
                    applied()
                }
            },
            onOAuthCallback: { code, state in
                recorder.oauthCalls.withLock { $0.append("\(code) \(state)") }
                try? await Task.sleep(for: oauthDelay)
                return outcome
            })
        self.server = server
        self.port = try await server.bind()
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [], logger: logger)
        self.serviceGroup = group
        self.runTask = Task { try await group.run() }
    }

    /// The URL of `path` on this server.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The webhook URL with the right secret.
    var webhookURL: String { url("/webhook/\(Self.secret)") }

    /// Notifications handed to `onNotification` so far.
    var received: [WebhookNotification] { recorder.notifications.withLock { $0 } }

    /// `code state` pairs handed to `onOAuthCallback` so far.
    var oauthCalls: [String] { recorder.oauthCalls.withLock { $0 } }

    /// Waits (up to `limit`) until at least `count` notifications arrived; returns them.
    func waitForNotifications(_ count: Int, limit: Duration = .seconds(10)) async throws -> [WebhookNotification] {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while received.count < count && clock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        return received
    }

    /// Triggers graceful shutdown and waits for the server to return.
    func stop() async throws {
        await serviceGroup.triggerGracefulShutdown()
        try await runTask.value
    }
}

/// What the server's callbacks were called with.
final class CallbackRecorder: Sendable {
    /// Notifications, in arrival order.
    let notifications = Locked<[WebhookNotification]>([])
    /// `code state` of OAuth callbacks, in arrival order.
    let oauthCalls = Locked<[String]>([])
}
