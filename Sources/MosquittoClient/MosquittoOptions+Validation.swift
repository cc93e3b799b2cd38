extension MosquittoOptions {
    /// The largest payload MQTT allows.
    static let maximumPayload = 268_435_455

    /// Throws `invalidOptions` naming the first option that cannot work.
    func validate() throws(MosquittoError) {
        if host.isEmpty { throw .invalidOptions("host is empty: set the broker's host name or address") }
        if !(1...65535).contains(port) { throw .invalidOptions("port \(port) is not in 1…65535") }
        if keepalive != 0 && !(5...65535).contains(keepalive) {
            throw .invalidOptions("keepalive \(keepalive) must be 0 (off) or 5…65535 seconds")
        }
        if clientID.isEmpty && !cleanSession {
            throw .invalidOptions("an empty client id needs clean_session: set a client id")
        }
        if clientID.utf8.count > 65535 { throw .invalidOptions("client id is longer than 65535 bytes") }
        if password != nil && username == nil { throw .invalidOptions("a password needs a username") }
        if reconnectDelayMin < 1 { throw .invalidOptions("reconnect delay min must be at least 1 second") }
        if reconnectDelayMax < reconnectDelayMin {
            throw .invalidOptions("reconnect delay max \(reconnectDelayMax) is below min \(reconnectDelayMin)")
        }
        if eventBufferSize < 1 { throw .invalidOptions("event buffer size must be at least 1") }
        if let will {
            if will.topic.isEmpty || will.topic.contains("+") || will.topic.contains("#") {
                throw .invalidOptions("will topic '\(will.topic)' must be non-empty without + or #")
            }
            if !(0...2).contains(will.qos) { throw .invalidOptions("will QoS \(will.qos) is not 0, 1 or 2") }
            if will.payload.count > Self.maximumPayload { throw .invalidOptions("will payload is too large") }
        }
        if let tls {
            if (tls.certFile == nil) != (tls.keyFile == nil) {
                throw .invalidOptions("TLS cert_file and key_file go together: set both or neither")
            }
        }
    }
}
