import Foundation
import Glibc
import TestSupport
import Testing

/// The daemon under a fake systemd: READY after the first broker connection, WATCHDOG pings, STOPPING.
@Suite(.timeLimit(.minutes(2)))
struct SystemdNotifyEndToEndTests {
    @Test func readyWatchdogAndStoppingReachNotifySocket() async throws {
        let world = try await BridgeWorld.start(accounts: ["alice"])
        defer { Task { await world.shutdown() } }
        #expect(try await world.authorize("alice", as: "alice").status == 0)
        let socketPath = world.directory.appendingPathComponent("notify.sock").path
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            socketPath.utf8CString.withUnsafeBytes {
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(buffer.count)))
            }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0)
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        try world.startBridge(environment: ["NOTIFY_SOCKET": socketPath, "WATCHDOG_USEC": "1000000"])
        var received: [String] = []
        func drain(until done: ([String]) -> Bool, seconds: Double) async {
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            while ContinuousClock.now < deadline, !done(received) {
                var buffer = [UInt8](repeating: 0, count: 512)
                let count = recv(fd, &buffer, buffer.count, 0)
                if count > 0 { received.append(String(decoding: buffer[0..<count], as: UTF8.self)) }
                await Task.yield()
            }
        }
        await drain(
            until: { $0.contains { $0.contains("READY=1") } && $0.filter { $0.contains("WATCHDOG=1") }.count >= 2 },
            seconds: 20)
        #expect(received.contains { $0.contains("READY=1") }, "\(received)")
        #expect(received.filter { $0.contains("WATCHDOG=1") }.count >= 2, "\(received)")
        world.bridge?.kill(signal: SIGTERM)
        await drain(until: { $0.contains { $0.contains("STOPPING=1") } }, seconds: 10)
        #expect(received.contains { $0.contains("STOPPING=1") }, "\(received)")
        #expect(await world.bridge?.waitForExit(timeout: .seconds(5)) == 0)
    }
}
