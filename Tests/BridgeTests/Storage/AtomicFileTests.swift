import Bridge
import Dispatch
import Glibc
import Locking
import Testing

@Suite struct AtomicFileTests {
    @Test func readOfMissingFileIsNil() throws {
        try withTemporaryDirectory { dir in
            let contents = try AtomicFile(path: "\(dir)/absent.json").read()
            #expect(contents == nil)
        }
    }

    @Test func writeThenReadRoundTripsWithMode0600AndNoLeftovers() throws {
        try withTemporaryDirectory { dir in
            let file = AtomicFile(path: "\(dir)/a.token.json")
            let first: [UInt8] = Array("first".utf8) + [0, 255]
            try file.write(first)
            #expect(try file.read() == first)
            try file.write(Array("second, longer than the first".utf8))
            #expect(try file.read() == Array("second, longer than the first".utf8))
            try file.write([])
            #expect(try file.read() == [])
            #expect(permissions(file.path) == 0o600)
            #expect(directoryListing(dir) == ["a.token.json"])
        }
    }

    @Test func writeTightensAnExistingLooseFile() throws {
        try withTemporaryDirectory { dir in
            let path = "\(dir)/loose.json"
            try writePlainFile(path, "old", mode: 0o644)
            try AtomicFile(path: path).write(Array("new".utf8))
            #expect(permissions(path) == 0o600)
        }
    }

    @Test func directoryIsDerivedFromPath() {
        #expect(AtomicFile(path: "/var/lib/w2m/a.json").directory == "/var/lib/w2m")
        #expect(AtomicFile(path: "/a.json").directory == "/")
        #expect(AtomicFile(path: "a.json").directory == ".")
    }

    @Test func strayTemporaryFileFromACrashLeavesTargetIntact() throws {
        try withTemporaryDirectory { dir in
            let file = AtomicFile(path: "\(dir)/acct.token.json")
            try file.write(Array(#"{"v":1}"#.utf8))
            // What a crash between creating the temporary file and the rename leaves behind.
            try writePlainFile("\(file.path).tmp-deadbeef", #"{"v":2, "trunc"#)
            #expect(try file.read() == Array(#"{"v":1}"#.utf8))
            try file.write(Array(#"{"v":3}"#.utf8))
            #expect(try file.read() == Array(#"{"v":3}"#.utf8))
            #expect(try AtomicFile(path: "\(file.path).tmp-deadbeef").read() == Array(#"{"v":2, "trunc"#.utf8))
        }
    }

    @Test func writeIntoMissingDirectoryNamesTheFile() throws {
        try withTemporaryDirectory { dir in
            let file = AtomicFile(path: "\(dir)/missing/x.json")
            let error = try #require(throws: StorageError.self) { try file.write([1]) }
            guard case .system(let call, let code) = error.kind else {
                Issue.record("unexpected kind \(error.kind)")
                return
            }
            #expect(call == "open")
            #expect(code == ENOENT)
            #expect(error.path.hasPrefix("\(dir)/missing/x.json.tmp-"))
            #expect(error.description.contains("No such file or directory"))
        }
    }

    @Test func concurrentWritersAndReadersOnlySeeWholeVersions() throws {
        try withTemporaryDirectory { dir in
            let file = AtomicFile(path: "\(dir)/shared.json")
            try file.write(Array(repeating: UInt8(ascii: "a"), count: 1000))
            let problems = Locked<[String]>([])
            let writers = 8
            let writesEach = 25
            DispatchQueue.concurrentPerform(iterations: writers + 1) { worker in
                do {
                    if worker == writers {
                        // The reader: every read must be one writer's complete payload.
                        for _ in 0..<200 {
                            let bytes = try file.read() ?? []
                            if !isWholePayload(bytes) {
                                problems.withLock { $0.append("torn read of \(bytes.count) bytes") }
                            }
                        }
                    } else {
                        for round in 0..<writesEach {
                            let letter = UInt8(ascii: "b") + UInt8(worker)
                            try file.write(Array(repeating: letter, count: 1000 + worker * 997 + round))
                        }
                    }
                } catch {
                    problems.withLock { $0.append("\(error)") }
                }
            }
            #expect(problems.withLock { $0 } == [])
            let final = try #require(try file.read())
            #expect(isWholePayload(final))
            #expect(final.first != UInt8(ascii: "a"))
            #expect(directoryListing(dir) == ["shared.json"])
        }
    }
}

/// Whether `bytes` is one payload of the concurrency test: a single repeated letter at its writer's length.
private func isWholePayload(_ bytes: [UInt8]) -> Bool {
    guard let letter = bytes.first, bytes.allSatisfy({ $0 == letter }) else { return false }
    if letter == UInt8(ascii: "a") { return bytes.count == 1000 }
    let worker = Int(letter - UInt8(ascii: "b"))
    let round = bytes.count - 1000 - worker * 997
    return (0..<25).contains(round)
}
