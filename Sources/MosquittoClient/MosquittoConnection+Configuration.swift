import CMosquitto

extension MosquittoConnection {
    /// Applies protocol version, TCP_NODELAY, will, credentials, TLS and reconnect delay to the handle (before connecting).
    func configure() throws(MosquittoError) {
        let version = options.protocolVersion == .v5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311
        try check("protocol version", mosquitto_int_option(handle, MOSQ_OPT_PROTOCOL_VERSION, version))
        // Small messages must leave at once: with Nagle's algorithm on, a publish that follows one not yet
        // acknowledged waits for the broker's delayed ACK (about 40 ms on Linux); the benchmarks measured
        // a bed event's p50 at 43 ms that way.
        try check("TCP_NODELAY", mosquitto_int_option(handle, MOSQ_OPT_TCP_NODELAY, 1))
        if let will = options.will {
            let result = will.payload.withUnsafeBytes { bytes in
                mosquitto_will_set(
                    handle, will.topic, Int32(bytes.count), bytes.baseAddress, Int32(will.qos), will.retain
                )
            }
            try check("last will on \(will.topic)", result)
        }
        if let username = options.username {
            try check("credentials", mosquitto_username_pw_set(handle, username, options.password))
        }
        if let tls = options.tls {
            try configureTLS(tls)
        }
        let delayResult = mosquitto_reconnect_delay_set(
            handle, UInt32(options.reconnectDelayMin), UInt32(options.reconnectDelayMax),
            options.reconnectDelayMax > options.reconnectDelayMin
        )
        try check("reconnect delay", delayResult)
    }

    /// Applies the TLS settings.
    private func configureTLS(_ tls: MosquittoTLS) throws(MosquittoError) {
        if tls.usesSystemCertificates {
            try check("TLS with the system CAs", mosquitto_int_option(handle, MOSQ_OPT_TLS_USE_OS_CERTS, 1))
        }
        // With the system CAs and no client certificate the option alone enables TLS; tls_set needs a CA.
        if !tls.usesSystemCertificates || tls.certFile != nil {
            let result = mosquitto_tls_set(handle, tls.caFile, tls.caPath, tls.certFile, tls.keyFile, nil)
            try check("TLS files (ca_file/ca_path/cert_file/key_file)", result)
        }
        if tls.insecureSkipHostnameCheck {
            try check("TLS insecure mode", mosquitto_tls_insecure_set(handle, true))
        }
    }

    /// Throws a library error unless `result` is success.
    private func check(_ operation: String, _ result: Int32) throws(MosquittoError) {
        guard result == MOSQ_ERR_SUCCESS.code else { throw MosquittoLibrary.error("setting the \(operation)", result) }
    }
}
