import Locking
import NIOCore

/// The open connections: enforces the connection limit and lets shutdown reach every connection.
///
/// When the limit is reached, a new connection does not get turned away: the oldest connection that is not
/// being answered (idle keep-alive, or still dribbling its request) is closed to make room. Otherwise a few
/// hundred idle or slow-loris connections would lock Withings' own webhooks out for a whole request timeout.
final class ConnectionRegistry: Sendable {
    private struct Entry {
        var channel: any Channel
        var sequence: Int
        var answering = false
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var nextSequence = 0
        var shuttingDown = false
    }

    /// What `admit` decided.
    enum Admission {
        /// Served; `evicting` (if any) must be closed to make room.
        case admitted(evicting: (any Channel)?)
        /// Refused: shutting down, or every connection is being answered.
        case refused
    }

    private let state = Locked(State())
    /// Most connections served at once.
    let limit: Int

    /// Creates a registry admitting up to `limit` connections.
    init(limit: Int) {
        self.limit = limit
    }

    /// Records a new connection, making room by evicting the oldest connection not being answered.
    func admit(_ channel: any Channel) -> Admission {
        state.withLock { state in
            guard !state.shuttingDown else { return .refused }
            var evicted: (any Channel)?
            if state.entries.count >= limit {
                guard
                    let victim = state.entries.filter({ !$0.value.answering }).min(by: {
                        $0.value.sequence < $1.value.sequence
                    })
                else { return .refused }
                state.entries.removeValue(forKey: victim.key)
                evicted = victim.value.channel
            }
            state.entries[ObjectIdentifier(channel)] = Entry(channel: channel, sequence: state.nextSequence)
            state.nextSequence += 1
            return .admitted(evicting: evicted)
        }
    }

    /// Marks a connection as answering a complete request (not evictable) or back to waiting.
    func setAnswering(_ channel: any Channel, _ answering: Bool) {
        state.withLock { $0.entries[ObjectIdentifier(channel)]?.answering = answering }
    }

    /// Forgets a closed connection.
    func remove(_ channel: any Channel) {
        _ = state.withLock { $0.entries.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Number of open connections.
    var count: Int { state.withLock { $0.entries.count } }

    /// Refuses further connections and returns the open ones.
    func beginShutdown() -> [any Channel] {
        state.withLock { state in
            state.shuttingDown = true
            return state.entries.values.map(\.channel)
        }
    }
}
