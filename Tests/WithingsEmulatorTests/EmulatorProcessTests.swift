import Foundation
import TestSupport
import Testing
import WithingsEmulator

@Suite struct EmulatorProcessTests {
    @Test func launcherStartsTheBinaryOnAFreePortAndStopsIt() async throws {
        let process = try await EmulatorProcess.start(arguments: ["--data", Fixtures.homeAssistant.path, "--seed", "5"])
        #expect(process.port > 0)
        let client = HTTP1Client(timeout: .seconds(10))
        let users = try await client.send(method: .GET, url: process.baseURL + "/_emulator/users")
        let parsed = try JSONValue.parse(Data(users.body))
        #expect(parsed["users"]?.arrayValue?.map { $0["name"] } == ["homeassistant-2024.1"])
        #expect(await process.stop() == 0, "SIGTERM ends the emulator cleanly")
        #expect(await process.stop() == nil)
        await #expect(throws: HTTP1ClientError.self) {
            _ = try await client.send(method: .GET, url: process.baseURL + "/_emulator/health")
        }
    }

    @Test func binaryServesTheDemoHouseholdByDefault() async throws {
        let process = try await EmulatorProcess.start()
        let client = HTTP1Client(timeout: .seconds(10))
        let answer = try? await client.send(method: .GET, url: process.baseURL + "/_emulator/users")
        await process.stop()
        let users = try JSONValue.parse(Data(try #require(answer).body))
        #expect(users["users"]?.arrayValue?.map { $0["name"] } == ["alice", "bob"])
    }
}
