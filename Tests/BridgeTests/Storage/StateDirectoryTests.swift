import Bridge
import Glibc
import Testing
import WithingsAPI

@Suite struct StateDirectoryTests {
    @Test func prepareCreatesMissingDirectoriesPrivately() throws {
        try withTemporaryDirectory { dir in
            let state = StateDirectory(path: "\(dir)/nested/state")
            let firstWarnings = try state.prepare()
            #expect(firstWarnings.isEmpty)
            #expect(permissions(state.path) == 0o700)
            #expect(permissions("\(dir)/nested") != nil)
            let secondWarnings = try state.prepare()
            #expect(secondWarnings.isEmpty)
        }
    }

    @Test func prepareTightensAnOpenDirectoryAndLooseTokenFiles() throws {
        try withTemporaryDirectory { dir in
            chmod(dir, 0o755)
            try writePlainFile("\(dir)/alice.token.json", "{}", mode: 0o644)
            try writePlainFile("\(dir)/bob.token.json", "{}", mode: 0o600)
            try writePlainFile("\(dir)/alice.state.json", "{}", mode: 0o644)
            let warnings = try StateDirectory(path: dir).prepare()
            #expect(
                warnings == [
                    "state directory \(dir) was accessible to other users (mode 0755); changed to 0700",
                    "token file \(dir)/alice.token.json had mode 0644; changed to 0600",
                ])
            #expect(permissions(dir) == 0o700)
            #expect(permissions("\(dir)/alice.token.json") == 0o600)
            #expect(permissions("\(dir)/bob.token.json") == 0o600)
            #expect(permissions("\(dir)/alice.state.json") == 0o644)
            #expect(try StateDirectory(path: dir).prepare() == [])
        }
    }

    @Test func aFileInPlaceOfTheDirectoryIsRefused() throws {
        try withTemporaryDirectory { dir in
            try writePlainFile("\(dir)/plain", "x")
            let error = try #require(throws: StorageError.self) { try StateDirectory(path: "\(dir)/plain").prepare() }
            #expect(error.kind == .notADirectory)
            #expect(error.description.contains("\(dir)/plain"))
        }
    }

    @Test func aDirectoryOwnedBySomeoneElseIsRefusedAndLeftAlone() throws {
        try withTemporaryDirectory { dir in
            let foreign: String
            if geteuid() == 0 {
                foreign = "\(dir)/foreign"
                mkdir(foreign, 0o755)
                try #require(chown(foreign, 65534, 65534) == 0)
            } else {
                // Unprivileged runs cannot give a directory away; /tmp is root's.
                foreign = "/tmp"
            }
            let before = permissions(foreign)
            let error = try #require(throws: StorageError.self) { try StateDirectory(path: foreign).prepare() }
            guard case .notOwned(let owner, let currentUser) = error.kind else {
                Issue.record("unexpected kind \(error.kind)")
                return
            }
            #expect(owner != currentUser)
            #expect(currentUser == geteuid())
            #expect(permissions(foreign) == before)
            print("not owned: \(error)")
        }
    }

    @Test func accountFilesLiveInTheDirectory() throws {
        try withTemporaryDirectory { dir in
            let state = StateDirectory(path: dir)
            #expect(state.tokenFile(account: "alice").path == "\(dir)/alice.token.json")
            #expect(state.stateFile(account: "alice").path == "\(dir)/alice.state.json")
            #expect(state.bedFile(account: "alice").path == "\(dir)/alice.bed.json")
            _ = try state.prepare()
            try state.tokenStore(account: "alice", as: [String: String].self).save(["refresh": "r1"])
            try state.stateStore(account: "alice", as: [String: Int].self).save(["meas": 17])
            #expect(try state.tokenStore(account: "alice", as: [String: String].self).load() == ["refresh": "r1"])
            #expect(try state.stateStore(account: "alice", as: [String: Int].self).load() == ["meas": 17])
            let bed = BedRecord(
                userID: 7, bed: BedState(inBed: true, eventDate: 1_700_000_000, receivedAt: 1_700_000_001),
                bedByDevice: [:])
            try state.bedStore(account: "alice").save(bed)
            #expect(try state.bedStore(account: "alice").load() == bed)
            #expect(directoryListing(dir) == ["alice.bed.json", "alice.state.json", "alice.token.json"])
        }
    }
}
