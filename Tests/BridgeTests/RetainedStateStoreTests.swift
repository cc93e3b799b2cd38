import MQTTDiscovery
import Testing

@testable import Bridge

@Suite struct RetainedStateStoreTests {
    @Test func unchangedConfigsAreNotSentAgainButStatesAre() {
        var store = RetainedStateStore()
        let queued1 = store.set("c", Array("x".utf8), force: false)
        #expect(queued1)
        #expect(store.take(limit: 10).map(\.topic) == ["c"])
        let queued2 = store.set("c", Array("x".utf8), force: false)
        #expect(!queued2)
        let queued3 = store.set("c", Array("y".utf8), force: false)
        #expect(queued3)
        let queued4 = store.set("s", Array("1".utf8), force: true)
        #expect(queued4)
        let queued5 = store.set("s", Array("1".utf8), force: true)
        #expect(queued5)
        #expect(store.take(limit: 10).map(\.topic) == ["c", "s"])
        #expect(!store.hasPending)
    }

    @Test func newestPayloadWinsWhileDisconnected() {
        var store = RetainedStateStore()
        for value in 1...1000 { store.set("in_bed", Array("\(value % 2 == 0 ? "ON" : "OFF")".utf8), force: true) }
        let batch = store.take(limit: 10)
        #expect(batch.count == 1)
        #expect(batch.first?.payloadString == "ON")
        #expect(batch.first?.retain == true)
        #expect(batch.first?.qos == 1)
    }

    @Test func reconnectMarksEverythingAgainAndClearedTopicsAreForgotten() {
        var store = RetainedStateStore()
        store.set("a", Array("1".utf8), force: true)
        store.set("b", Array("2".utf8), force: true)
        store.clear("b")
        let first = store.take(limit: 10)
        #expect(first.map(\.topic) == ["a", "b"])
        #expect(first.last?.payload.isEmpty == true)
        #expect(store.topics == ["a"])
        store.markAllDirty()
        #expect(store.take(limit: 10).map(\.topic) == ["a"])
    }

    @Test func eventsAreBoundedAndTheOldestGoFirst() {
        var store = RetainedStateStore(eventCapacity: 3)
        store.set("state", Array("1".utf8), force: true)
        for index in 0..<5 { store.enqueueEvent(MQTTMessage(topic: "e", string: "\(index)", retain: false)) }
        #expect(store.droppedEvents == 2)
        let batch = store.take(limit: 10)
        #expect(batch.map(\.payloadString) == ["1", "2", "3", "4"])
        #expect(batch.map(\.retain) == [true, false, false, false])
    }

    @Test func takeRespectsTheLimit() {
        var store = RetainedStateStore()
        for index in 0..<10 { store.set("t\(index)", [1], force: true) }
        #expect(store.take(limit: 4).count == 4)
        #expect(store.take(limit: 100).count == 6)
    }

    @Test func statesGoBeforeABacklogOfEvents() {
        var store = RetainedStateStore()
        for index in 0..<300 { store.enqueueEvent(MQTTMessage(topic: "events", string: "\(index)", retain: false)) }
        store.set("in_bed", Array("ON".utf8), force: true)
        let first = store.take(limit: 128)
        #expect(first.first?.topic == "in_bed")
        #expect(first.dropFirst().map(\.payloadString) == (0..<127).map { "\($0)" })
        #expect(store.take(limit: 500).map(\.payloadString) == (127..<300).map { "\($0)" })
    }
}
