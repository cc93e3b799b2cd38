import Locking
import Testing
import WithingsAPI

@testable import Bridge

/// Token storage in memory that records every save.
private final class MemoryTokenStorage: TokenStorage, Sendable {
    let stored: Locked<OAuthToken?>
    let saves = Locked(0)

    init(_ token: OAuthToken?) { stored = Locked(token) }

    func load() throws -> OAuthToken? { stored.withLock { $0 } }

    func save(_ token: OAuthToken) throws {
        stored.withLock { $0 = token }
        saves.withLock { $0 += 1 }
    }
}

/// A refresher that counts calls and hands out numbered tokens.
private final class CountingRefresher: Sendable {
    let calls = Locked(0)
    let refuse = Locked(false)

    func refresh(_ refreshToken: String) async throws -> OAuthToken {
        let number = calls.withLock {
            $0 += 1; return $0
        }
        try await Task.sleep(for: .milliseconds(30))
        if refuse.withLock({ $0 }) {
            throw WithingsError.api(status: 401, family: WithingsStatusFamily(status: 401), detail: "invalid_token")
        }
        return OAuthToken(
            userID: 7, accessToken: "access-\(number)", refreshToken: "refresh-\(number)",
            expiresAt: 10_000 + 10_800, scope: "user.metrics")
    }
}

@Suite struct TokenManagerTests {
    private let expiring = OAuthToken(
        userID: 7, accessToken: "access-0", refreshToken: "refresh-0",
        expiresAt: 10_000 + 100, scope: "user.metrics")
    private let fresh = OAuthToken(
        userID: 7, accessToken: "access-0", refreshToken: "refresh-0",
        expiresAt: 10_000 + 5000, scope: "user.metrics")

    private func manager(_ storage: MemoryTokenStorage, _ refresher: CountingRefresher) -> TokenManager {
        TokenManager(
            account: "alice", storage: storage, now: { 10_000 }, refresher: { try await refresher.refresh($0) })
    }

    @Test func validTokenIsUsedWithoutRefreshing() async throws {
        let storage = MemoryTokenStorage(fresh)
        let refresher = CountingRefresher()
        #expect(try await manager(storage, refresher).accessToken() == "access-0")
        #expect(refresher.calls.withLock { $0 } == 0)
    }

    @Test func tokenCloseToExpiryIsRefreshedAndSavedFirst() async throws {
        let storage = MemoryTokenStorage(expiring)
        let refresher = CountingRefresher()
        #expect(try await manager(storage, refresher).accessToken() == "access-1")
        #expect(try storage.load()?.refreshToken == "refresh-1")
        #expect(storage.saves.withLock { $0 } == 1)
    }

    @Test func concurrentCallersShareOneRefreshAndOnlyGetSavedTokens() async throws {
        let storage = MemoryTokenStorage(expiring)
        let refresher = CountingRefresher()
        let tokens = manager(storage, refresher)
        let results = try await withThrowingTaskGroup(of: (String, String?).self) { group in
            for _ in 0..<20 {
                group.addTask {
                    let access = try await tokens.accessToken()
                    // What is on disk at the moment a caller gets its access token.
                    return (access, try storage.load()?.accessToken)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(refresher.calls.withLock { $0 } == 1)
        #expect(results.allSatisfy { $0.0 == "access-1" && $0.1 == "access-1" })
    }

    @Test func authFailureRefreshesOnceUnlessAlreadyReplaced() async throws {
        let storage = MemoryTokenStorage(fresh)
        let refresher = CountingRefresher()
        let tokens = manager(storage, refresher)
        #expect(try await tokens.refreshAfterAuthFailure(rejected: "access-0") == "access-1")
        #expect(try await tokens.refreshAfterAuthFailure(rejected: "access-0") == "access-1")
        #expect(refresher.calls.withLock { $0 } == 1)
    }

    @Test func refusedRefreshNeedsReauthorizationUntilNewTokensAreStored() async throws {
        let storage = MemoryTokenStorage(expiring)
        let refresher = CountingRefresher()
        refresher.refuse.withLock { $0 = true }
        let tokens = manager(storage, refresher)
        await #expect(throws: AuthorizationRequired.self) { try await tokens.accessToken() }
        #expect(await tokens.state == .reauthorizationRequired)
        // Failing fast meanwhile: no more calls to Withings.
        await #expect(throws: AuthorizationRequired.self) { try await tokens.accessToken() }
        #expect(refresher.calls.withLock { $0 } == 1)
        // `withings2mqtt auth` stores a new token: the next call picks it up.
        try storage.save(
            OAuthToken(
                userID: 7, accessToken: "access-new", refreshToken: "refresh-new",
                expiresAt: 20_000, scope: "user.metrics"))
        #expect(try await tokens.accessToken() == "access-new")
        #expect(await tokens.state == .authorized)
    }

    @Test func accountWithoutTokensSaysWhichCommandFixesIt() async throws {
        let tokens = manager(MemoryTokenStorage(nil), CountingRefresher())
        do {
            _ = try await tokens.accessToken()
            Issue.record("expected an error")
        } catch let error as AuthorizationRequired {
            #expect(error.description.contains("withings2mqtt auth --account alice"))
        }
        #expect(await tokens.state == .notAuthorized)
    }
}
