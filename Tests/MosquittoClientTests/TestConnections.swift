import Foundation
import MQTTDiscovery
import TestSupport

@testable import MosquittoClient

/// Builds connections to a test broker with unique client ids and short reconnect delays.
enum TestConnections {
    /// A unique topic root for one test.
    static func topicRoot(_ name: String) -> String { "test/\(name)/\(UUID().uuidString.prefix(8))" }

    /// Options for `broker` with a unique client id.
    static func options(
        _ broker: MosquittoBroker, _ name: String, configure: (inout MosquittoOptions) -> Void = { _ in }
    ) -> MosquittoOptions {
        var options = MosquittoOptions(
            host: broker.host, port: broker.port, clientID: "\(name)-\(UUID().uuidString.prefix(8))", keepalive: 10,
            reconnectDelayMin: 1, reconnectDelayMax: 2
        )
        configure(&options)
        return options
    }

    /// A started connection with its event recorder.
    static func started(
        _ broker: MosquittoBroker, _ name: String, configure: (inout MosquittoOptions) -> Void = { _ in }
    ) throws -> (MosquittoConnection, EventRecorder) {
        let connection = try MosquittoConnection(options: options(broker, name, configure: configure))
        let recorder = EventRecorder.recording(connection.events)
        try connection.start()
        return (connection, recorder)
    }
}
