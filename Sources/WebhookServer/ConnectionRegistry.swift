import NIOCore
import Synchronization

/// The open connections: enforces the connection limit and lets shutdown reach every connection.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var shuttingDown = false
    }

    private let state = Mutex(State())
    /// Most connections served at once.
    let limit: Int

    /// Creates a registry admitting up to `limit` connections.
    init(limit: Int) {
        self.limit = limit
    }

    /// Records a new connection; false (and not recorded) when the limit is reached or shutdown began.
    func admit(_ channel: any Channel) -> Bool {
        state.withLock { state in
            guard !state.shuttingDown, state.channels.count < limit else { return false }
            state.channels[ObjectIdentifier(channel)] = channel
            return true
        }
    }

    /// Forgets a closed connection.
    func remove(_ channel: any Channel) {
        _ = state.withLock { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Number of open connections.
    var count: Int { state.withLock { $0.channels.count } }

    /// Refuses further connections and returns the open ones.
    func beginShutdown() -> [any Channel] {
        state.withLock { state in
            state.shuttingDown = true
            return Array(state.channels.values)
        }
    }
}
