import Bridge
import Logging
import MQTTDiscovery
import Testing

@Suite(.timeLimit(.minutes(1)))
struct MQTTSessionServiceTests {
    private static let stale = "homeassistant/sensor/withings2mqtt_1/retired/config"

    private static func service(
        _ connection: FakeMQTTConnection, _ publisher: StatePublisher, _ barrier: StartupBarrier,
        readyTimeout: Duration = .seconds(30)
    ) -> MQTTSessionService {
        var settings = MQTTSessionService.Settings(
            bridgeStateTopic: "w2m/bridge/state", statusTopic: "homeassistant/status",
            discoveryPrefix: "homeassistant")
        settings.sweepWindow = .milliseconds(10)
        settings.sweepReadyTimeout = readyTimeout
        return MQTTSessionService(
            connection: connection, publisher: publisher, settings: settings,
            sweep: { seen, generated in seen.map(\.topic).filter { !generated.contains($0) } },
            barrier: barrier, logger: Logger(label: "test"))
    }

    private static func retained(_ topic: String) -> MQTTEvent {
        .message(MQTTMessage(topic: topic, string: #"{"unique_id":"x"}"#))
    }

    @Test func aRetainedConfigArrivingLateButBeforeTheFirstCyclesEndIsStillSwept() async {
        let connection = FakeMQTTConnection()
        let publisher = StatePublisher()
        let barrier = StartupBarrier(parties: 1)
        let service = Self.service(connection, publisher, barrier)
        async let run: Void? = try? await service.run()
        await connection.send(.connected)
        // Well after the 10 ms window, as on a loaded box.
        try? await Task.sleep(for: .milliseconds(200))
        await connection.send(Self.retained(Self.stale))
        await publisher.set("homeassistant/sensor/withings2mqtt_1/weight/config", "{}", force: true)
        await barrier.arrive()
        let cleared = await eventually {
            connection.published.contains { $0.topic == Self.stale && $0.payload.isEmpty && $0.retain }
        }
        #expect(cleared, "published: \(connection.published.map { "\($0.topic)=\($0.payloadString)" })")
        #expect(!connection.published.contains { $0.topic.hasSuffix("/weight/config") && $0.payload.isEmpty })
        #expect(!connection.filters.contains("homeassistant/+/+/+/config"))
        await connection.finish()
        _ = await run
    }

    @Test func theSweepWaitsForTheFirstCyclesAndGoesAheadAfterItsTimeout() async {
        let connection = FakeMQTTConnection()
        let publisher = StatePublisher()
        let barrier = StartupBarrier(parties: 1)
        // Long enough that a loaded machine cannot run past it before the first check below.
        let service = Self.service(connection, publisher, barrier, readyTimeout: .seconds(3))
        async let run: Void? = try? await service.run()
        await connection.send(.connected)
        await connection.send(Self.retained(Self.stale))
        try? await Task.sleep(for: .milliseconds(100))
        #expect(!connection.published.contains { $0.topic == Self.stale })
        #expect(await eventually { connection.published.contains { $0.topic == Self.stale } })
        await connection.finish()
        _ = await run
    }

    @Test func liveCopiesOfConfigsAreNotMistakenForRetainedOnes() async {
        let connection = FakeMQTTConnection()
        let publisher = StatePublisher()
        let barrier = StartupBarrier(parties: 0)
        let service = Self.service(connection, publisher, barrier)
        async let run: Void? = try? await service.run()
        await connection.send(.connected)
        await connection.send(.message(MQTTMessage(topic: Self.stale, string: "{}", retain: false)))
        #expect(await eventually { !connection.filters.contains("homeassistant/+/+/+/config") })
        try? await Task.sleep(for: .milliseconds(50))
        #expect(!connection.published.contains { $0.topic == Self.stale })
        await connection.finish()
        _ = await run
    }

    @Test func aBurstStreamsThroughTheWindowWithoutWaitingForWholeBatches() async {
        // One slow acknowledgement must not hold back the messages behind it.
        let connection = FakeMQTTConnection(slowTopic: "events/slow", delay: .seconds(30))
        let publisher = StatePublisher()
        let service = Self.service(connection, publisher, StartupBarrier(parties: 0))
        async let run: Void? = try? await service.run()
        await connection.send(.connected)
        await publisher.event("events/slow", "first")
        for index in 0..<1_000 { await publisher.event("events", "\(index)") }
        await publisher.set("w2m/alice/in_bed", "ON")
        let streamed = await eventually {
            connection.published.contains { $0.topic == "w2m/alice/in_bed" }
                && connection.published.filter { $0.topic == "events" }.count == 1_000
        }
        #expect(streamed)
        await connection.finish()
        _ = await run
    }

    @Test func updatesOfOneRetainedTopicReachTheConnectionInTheOrderTheyWereMade() async {
        let connection = FakeMQTTConnection()
        let publisher = StatePublisher()
        let service = Self.service(connection, publisher, StartupBarrier(parties: 0))
        async let run: Void? = try? await service.run()
        await connection.send(.connected)
        // Unchanged updates may fold into the newest, but what goes out must never step back.
        for index in 0..<2_000 {
            await publisher.set("w2m/alice/in_bed", "\(index)")
            if index % 7 == 0 { await Task.yield() }
        }
        let done = await eventually { connection.published.last?.payloadString == "1999" }
        let sent = connection.published.filter { $0.topic == "w2m/alice/in_bed" }.compactMap { Int($0.payloadString) }
        #expect(done)
        #expect(sent == sent.sorted(), "out of order: \(sent)")
        #expect(sent.count > 1)
        await connection.finish()
        _ = await run
    }
}
