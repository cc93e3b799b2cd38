import Bridge
import Glibc
import Testing

@Suite struct JSONFileStoreTests {
    struct Tokens: Codable, Equatable {
        var accessToken: String
        var refreshToken: String
        var expiresAt: Int
        var scopes: [String]
        var userID: Int?
    }

    let sample = Tokens(
        accessToken: "access-SECRET", refreshToken: "refresh-SECRET", expiresAt: 1_790_000_000,
        scopes: ["user.info", "user.metrics"], userID: 12_345)

    @Test func loadOfMissingFileIsNil() throws {
        try withTemporaryDirectory { dir in
            let store = JSONFileStore<Tokens>(file: AtomicFile(path: "\(dir)/none.token.json"))
            let loaded = try store.load()
            #expect(loaded == nil)
        }
    }

    @Test func saveThenLoadRoundTrips() throws {
        try withTemporaryDirectory { dir in
            let store = JSONFileStore<Tokens>(file: AtomicFile(path: "\(dir)/a.token.json"))
            try store.save(sample)
            #expect(try store.load() == sample)
            var changed = sample
            changed.userID = nil
            changed.refreshToken = "rotated"
            try store.save(changed)
            #expect(try store.load() == changed)
            #expect(permissions(store.file.path) == 0o600)
        }
    }

    @Test func savedJSONIsSortedAndReadable() throws {
        try withTemporaryDirectory { dir in
            let store = JSONFileStore<[String: Int]>(file: AtomicFile(path: "\(dir)/c.state.json"))
            try store.save(["zeta": 1, "alpha": 2])
            let text = String(decoding: try #require(try store.file.read()), as: UTF8.self)
            let alpha = try #require(text.firstRange(of: "\"alpha\""))
            let zeta = try #require(text.firstRange(of: "\"zeta\""))
            #expect(alpha.lowerBound < zeta.lowerBound)
            #expect(text.contains("\n"))
        }
    }

    @Test func invalidJSONIsATypedErrorAndTheFileIsKept() throws {
        try withTemporaryDirectory { dir in
            let path = "\(dir)/broken.token.json"
            let garbage = #"{"accessToken": "access-SECRET", "#
            try writePlainFile(path, garbage)
            let store = JSONFileStore<Tokens>(file: AtomicFile(path: path))
            let error = try #require(throws: StorageError.self) { try store.load() }
            #expect(error.path == path)
            #expect(error.kind == .unreadable(detail: "not valid JSON"))
            #expect(error.description.contains(path))
            #expect(!error.description.contains("SECRET"))
            #expect(try AtomicFile(path: path).read() == Array(garbage.utf8))
        }
    }

    @Test func wrongShapeNamesTheFieldButNotTheValues() throws {
        try withTemporaryDirectory { dir in
            let path = "\(dir)/shape.token.json"
            try writePlainFile(path, #"{"accessToken": "access-SECRET", "expiresAt": "soon", "scopes": []}"#)
            let store = JSONFileStore<Tokens>(file: AtomicFile(path: path))
            let error = try #require(throws: StorageError.self) { try store.load() }
            guard case .unreadable(let detail) = error.kind else {
                Issue.record("unexpected kind \(error.kind)")
                return
            }
            #expect(detail == "missing field refreshToken")
            #expect(!error.description.contains("SECRET"))
            #expect(!error.description.contains("soon"))
            print("wrong shape: \(error)")
        }
    }

    @Test func typeMismatchInsideAnArrayNamesThePath() throws {
        try withTemporaryDirectory { dir in
            let path = "\(dir)/array.state.json"
            try writePlainFile(path, #"{"cursors": [1, "two"]}"#)
            let store = JSONFileStore<[String: [Int]]>(file: AtomicFile(path: path))
            let error = try #require(throws: StorageError.self) { try store.load() }
            guard case .unreadable(let detail) = error.kind else {
                Issue.record("unexpected kind \(error.kind)")
                return
            }
            #expect(detail.contains("cursors.[1]"))
        }
    }
}
