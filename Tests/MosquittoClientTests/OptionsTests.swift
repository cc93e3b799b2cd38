import MQTTDiscovery
import MosquittoClient
import Testing

@Suite struct OptionsTests {
    @Test func descriptionMasksThePassword() {
        let options = MosquittoOptions(host: "broker", clientID: "w2m", username: "bridge", password: "hunter2")
        #expect(!options.description.contains("hunter2"))
        #expect(options.description.contains("bridge:***@broker:1883"))
    }

    @Test(arguments: [
        (MosquittoOptions(host: "", clientID: "a"), "host"),
        (MosquittoOptions(port: 0, clientID: "a"), "port"),
        (MosquittoOptions(clientID: "a", keepalive: 3), "keepalive"),
        (MosquittoOptions(clientID: "", cleanSession: false), "client id"),
        (MosquittoOptions(clientID: "a", password: "x"), "username"),
        (MosquittoOptions(clientID: "a", reconnectDelayMin: 5, reconnectDelayMax: 2), "reconnect"),
        (MosquittoOptions(clientID: "a", will: MQTTMessage(topic: "a/#", string: "x")), "will topic"),
        (MosquittoOptions(clientID: "a", tls: MosquittoTLS(certFile: "c.pem")), "key_file"),
    ])
    func invalidOptionsAreRejectedNamingTheOption(options: MosquittoOptions, named: String) {
        #expect {
            _ = try MosquittoConnection(options: options)
        } throws: { error in
            guard case MosquittoError.invalidOptions(let text) = error else { return false }
            return text.contains(named)
        }
    }

    @Test func tlsWithoutCAFilesUsesTheSystemStore() {
        #expect(MosquittoTLS().usesSystemCertificates)
        #expect(!MosquittoTLS(caFile: "/etc/ca.pem").usesSystemCertificates)
    }

    @Test func startingTwiceIsRejected() async throws {
        let connection = try MosquittoConnection(
            options: MosquittoOptions(
                host: "127.0.0.1", port: 1, clientID: "twice-\(UInt32.random(in: 0...UInt32.max))")
        )
        try connection.start()
        #expect(throws: MosquittoError.alreadyStarted) { try connection.start() }
        await connection.shutdown()
    }
}
