import Foundation
import Locking
import NIOCore
import NIOPosix

/// The emulated Withings cloud: answers OAuth, data, notify and `/_emulator/` control requests.
public final class Emulator: Sendable {
    /// The start-up settings.
    public let settings: EmulatorSettings
    let state: Locked<EmulatorState>
    let clock: @Sendable () -> Date
    let group: any EventLoopGroup

    /// Creates an emulator serving `users`; `clock` gives "now" (tests may pass a fake one).
    public init(
        users: [EmulatorUser], settings: EmulatorSettings = EmulatorSettings(),
        clock: @escaping @Sendable () -> Date = { Date() },
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.settings = settings
        self.state = Locked(EmulatorState(users: users, settings: settings))
        self.clock = clock
        self.group = group
    }

    /// The users served, in start-up order.
    public var users: [EmulatorUser] {
        state.withLock { $0.users }
    }

    /// Answers one request.
    public func handle(_ request: EmulatorRequest) async -> EmulatorResponse {
        if request.path.hasPrefix("/_emulator/") || request.path == "/_emulator" {
            return await handleControl(request)
        }
        switch request.path {
        case "/oauth2_user/authorize2":
            return authorize(request)
        case "/v2/oauth2", "/oauth2/token":
            return token(request)
        case "/measure", "/v2/measure", "/v2/sleep", "/v2/user", "/notify":
            return await handleData(request)
        case "/", "":
            return .text("withings-emulator: see docs/EMULATOR.md for endpoints\n")
        default:
            return .text("not found: \(request.path)\n", status: 404)
        }
    }

    /// Epoch seconds now.
    var nowEpoch: Int64 { Int64(clock().timeIntervalSince1970.rounded(.down)) }

    /// An HTTP client for outgoing calls with the given timeout in seconds.
    func client(timeout: TimeInterval) -> HTTP1Client {
        HTTP1Client(group: group, timeout: .milliseconds(Int64(timeout * 1000)))
    }
}
