import Bridge
import Glibc
import Locking
import Logging
import Testing

@Suite struct WriteBehindStoreTests {
    struct Counter: Codable, Equatable {
        var value: Int
    }

    @Test func aBurstEndsWithTheNewestValueOnDiskAndNeverGoesBack() async throws {
        let dir = try makeTemporaryDirectory()
        defer { removeTree(dir) }
        let store = JSONFileStore<Counter>(file: AtomicFile(path: "\(dir)/a.state.json"))
        let writer = WriteBehindStore(store: store, logger: Logger(label: "test"))
        var seen: [Int] = []
        for value in 1...2_000 {
            writer.submit(Counter(value: value))
            if value % 100 == 0, let stored = try? store.load() { seen.append(stored.value) }
        }
        await writer.flush()
        #expect(try store.load() == Counter(value: 2_000))
        // Whatever was on disk while the burst ran only ever moved forward.
        #expect(seen == seen.sorted(), "\(seen)")
        #expect(directoryListing(dir) == ["a.state.json"], "no temporary file is left behind")
    }

    @Test func eachSubmissionHearsWhenAValueAtLeastAsNewIsOnDisk() async throws {
        let dir = try makeTemporaryDirectory()
        defer { removeTree(dir) }
        let store = JSONFileStore<Counter>(file: AtomicFile(path: "\(dir)/w.state.json"))
        let writer = WriteBehindStore(store: store, logger: Logger(label: "test"))
        let onDisk = Locked<[Int: Int]>([:])
        for value in 1...300 {
            writer.submit(Counter(value: value)) {
                let stored = (try? store.load())?.value ?? 0
                onDisk.withLock { $0[value] = stored }
            }
        }
        await writer.flush()
        let seen = onDisk.withLock { $0 }
        // Every submission was answered, and only once the file held it or a newer value (folded into one write).
        #expect(seen.count == 300)
        #expect(seen.allSatisfy { $0.value >= $0.key }, "\(seen.filter { $0.value < $0.key })")
    }

    @Test func submitsFromManyTasksAllLandAndFlushWaitsForTheLast() async throws {
        let dir = try makeTemporaryDirectory()
        defer { removeTree(dir) }
        let store = JSONFileStore<Counter>(file: AtomicFile(path: "\(dir)/b.state.json"))
        let writer = WriteBehindStore(store: store, logger: Logger(label: "test"))
        await withTaskGroup(of: Void.self) { group in
            for lane in 0..<8 {
                group.addTask {
                    for index in 0..<200 { writer.submit(Counter(value: lane * 1_000 + index)) }
                }
            }
        }
        writer.submit(Counter(value: -1))
        await writer.flush()
        #expect(try store.load() == Counter(value: -1))
    }

    @Test func aFailedWriteIsLoggedAndTheNextValueIsWritten() async throws {
        let dir = try makeTemporaryDirectory()
        defer { removeTree(dir) }
        let lines = Locked<[String]>([])
        let logger = Logger(label: "test") { _ in LineCollector(lines: lines) }
        let store = JSONFileStore<Counter>(file: AtomicFile(path: "\(dir)/missing/c.state.json"))
        let writer = WriteBehindStore(store: store, logger: logger)
        writer.submit(Counter(value: 1))
        await writer.flush()
        let logged = lines.withLock { $0 }
        #expect(logged.count == 1 && logged[0].hasPrefix("cannot write the state file"), "\(logged)")

        #expect(mkdir("\(dir)/missing", 0o700) == 0)
        writer.submit(Counter(value: 2))
        await writer.flush()
        #expect(try store.load() == Counter(value: 2))
    }
}

/// Collects the messages logged at error level or above.
private struct LineCollector: LogHandler {
    let lines: Locked<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard event.level >= .error else { return }
        lines.withLock { $0.append("\(event.message)") }
    }
}
