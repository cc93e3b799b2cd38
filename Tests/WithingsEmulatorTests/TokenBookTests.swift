import Foundation
import Testing
import WithingsEmulator

/// The pure OAuth bookkeeping, without HTTP.
@Suite struct TokenBookTests {
    private let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func codeRedeemsOnceAndChecksRedirect() throws {
        var book = TokenBook()
        let code = book.issueCode(userID: 5, redirectURI: "http://a/cb", scope: "user.metrics", now: start)
        #expect(book.redeem(code: code, redirectURI: "http://b/cb", now: start) == .failure(.redirectMismatch))
        let other = book.issueCode(userID: 5, redirectURI: "http://a/cb", scope: "user.metrics", now: start)
        let grant = try book.redeem(code: other, redirectURI: "http://a/cb", now: start).get()
        #expect(grant.userID == 5)
        #expect(grant.scope == "user.metrics")
        #expect(book.redeem(code: other, redirectURI: "http://a/cb", now: start) == .failure(.unknownCode))
    }

    @Test func graceEndsByTimeOrBySuccessorUse() throws {
        var book = TokenBook()
        book.refreshGrace = 100
        let code = book.issueCode(userID: 1, redirectURI: nil, scope: "s", now: start)
        let first = try book.redeem(code: code, redirectURI: nil, now: start).get()
        let second = try book.refresh(token: first.refreshToken, now: start).get()
        #expect(second.refreshToken != first.refreshToken)
        #expect(second.accessToken != first.accessToken)
        // Reusing the old token inside the grace period works while no successor was used.
        let third = try book.refresh(token: first.refreshToken, now: start.addingTimeInterval(99)).get()
        #expect(
            book.refresh(token: first.refreshToken, now: start.addingTimeInterval(101))
                == .failure(.supersededRefreshToken))
        #expect(book.authenticate(accessToken: third.accessToken, now: start.addingTimeInterval(102)) == 1)
        #expect(
            book.refresh(token: second.refreshToken, now: start.addingTimeInterval(103)).map(\.userID) == .success(1))
        #expect(book.refresh(token: "unknown", now: start) == .failure(.unknownRefreshToken))
    }

    @Test func usingTheNewAccessTokenEndsTheGraceAtOnce() throws {
        var book = TokenBook()
        let code = book.issueCode(userID: 2, redirectURI: nil, scope: "s", now: start)
        let first = try book.redeem(code: code, redirectURI: nil, now: start).get()
        let second = try book.refresh(token: first.refreshToken, now: start).get()
        #expect(book.authenticate(accessToken: second.accessToken, now: start) == 2)
        #expect(
            book.refresh(token: first.refreshToken, now: start.addingTimeInterval(1))
                == .failure(.supersededRefreshToken))
    }

    @Test func accessTokensExpireAndCanBeExpiredOrRevoked() throws {
        var book = TokenBook()
        book.accessTokenLifetime = 60
        let code = book.issueCode(userID: 3, redirectURI: nil, scope: "s", now: start)
        let grant = try book.redeem(code: code, redirectURI: nil, now: start).get()
        #expect(grant.expiresIn == 60)
        #expect(book.authenticate(accessToken: grant.accessToken, now: start.addingTimeInterval(59)) == 3)
        #expect(book.authenticate(accessToken: grant.accessToken, now: start.addingTimeInterval(60)) == nil)
        let renewed = try book.refresh(token: grant.refreshToken, now: start.addingTimeInterval(61)).get()
        #expect(book.expireAccessTokens(userID: 3, now: start.addingTimeInterval(62)) == 1)
        #expect(book.authenticate(accessToken: renewed.accessToken, now: start.addingTimeInterval(62)) == nil)
        #expect(book.revokeAll(userID: 3) == 4)
        #expect(
            book.refresh(token: renewed.refreshToken, now: start.addingTimeInterval(63))
                == .failure(.unknownRefreshToken))
    }
}
