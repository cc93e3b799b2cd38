import Locking
import WithingsAPI

/// A `TokenProvider` that hands out `token-N` and counts refreshes, for client tests.
final class ScriptedTokens: TokenProvider {
    private let state = Locked((current: "token-1", refreshes: [String]()))

    /// The tokens that were reported as rejected, in order.
    var rejected: [String] { state.withLock { $0.refreshes } }

    func accessToken() async throws -> String { state.withLock { $0.current } }

    func refreshAfterAuthFailure(rejected: String) async throws -> String {
        state.withLock {
            $0.refreshes.append(rejected)
            $0.current = "token-\($0.refreshes.count + 1)"
            return $0.current
        }
    }
}
