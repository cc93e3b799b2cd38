import CMosquitto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// `mosquitto_lib_init` is not thread-safe and must run once per process: a global `let` is initialised
// lazily exactly once (swift_once), which is the process-wide, thread-safe once the library needs.
// `mosquitto_lib_cleanup` is never called: the library lives as long as the process.
private let libraryInitResult: Int32 = mosquitto_lib_init()

/// Process-wide libmosquitto helpers.
enum MosquittoLibrary {
    /// Initialises libmosquitto once per process; later calls return the first result.
    static func initialise() -> Int32 { libraryInitResult }

    /// Ignores SIGPIPE process-wide: libmosquitto 2.0.11–2.0.14 may write to a closed socket without
    /// `MSG_NOSIGNAL`, which would otherwise kill the daemon.
    static func ignoreSIGPIPE() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// `mosquitto_strerror` as a Swift string.
    static func text(ofError code: Int32) -> String {
        guard let text = mosquitto_strerror(code) else { return "unknown error \(code)" }
        return String(cString: text)
    }

    /// `mosquitto_connack_string` for MQTT 3.1.1 codes, `mosquitto_reason_string` for MQTT 5 ones.
    static func text(ofConnack code: Int32) -> String {
        let text = code < 0x80 ? mosquitto_connack_string(code) : mosquitto_reason_string(code)
        guard let text else { return "refused with code \(code)" }
        return String(cString: text)
    }

    /// Whether the network thread of `mosquitto_loop_start` ends for good after this disconnect code
    /// (the list in libmosquitto's `mosquitto_loop_forever`); it retries every other code.
    static func endsLoop(_ code: Int32) -> Bool {
        let fatal: [mosq_err_t] = [
            MOSQ_ERR_NOMEM, MOSQ_ERR_PROTOCOL, MOSQ_ERR_INVAL, MOSQ_ERR_NOT_FOUND, MOSQ_ERR_TLS,
            MOSQ_ERR_PAYLOAD_SIZE, MOSQ_ERR_NOT_SUPPORTED, MOSQ_ERR_AUTH, MOSQ_ERR_ACL_DENIED, MOSQ_ERR_UNKNOWN,
            MOSQ_ERR_EAI, MOSQ_ERR_PROXY,
        ]
        return fatal.contains { $0.code == code }
    }

    /// A library error for a failed call.
    static func error(_ operation: String, _ code: Int32) -> MosquittoError {
        .library(operation: operation, code: code, text: text(ofError: code))
    }
}
