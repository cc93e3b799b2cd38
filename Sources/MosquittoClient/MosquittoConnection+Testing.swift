import CMosquitto

#if canImport(Glibc)
    import Glibc
    private let shutdownSocket = Glibc.shutdown
#elseif canImport(Darwin)
    import Darwin
    private let shutdownSocket = Darwin.shutdown
#endif

extension MosquittoConnection {
    /// Cuts the TCP connection without an MQTT DISCONNECT, as a crash or a network failure would: the broker
    /// publishes the will and the network thread reconnects. For tests (`@testable import`) only.
    func severSocketForTesting() {
        let socket = mosquitto_socket(handle)
        if socket >= 0 { _ = shutdownSocket(socket, Int32(SHUT_RDWR)) }
    }

    /// Parked callers, unmatched early acks and ignored ids; all zero when nothing is in flight. For tests.
    var bookkeepingForTesting: (waiters: Int, early: Int, ignored: Int) {
        state.withLock { ($0.waiters.count, $0.early.count, $0.ignored.count) }
    }
}
