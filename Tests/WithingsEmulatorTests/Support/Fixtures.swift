import Foundation
import WithingsEmulator

/// Paths and users built from the repository's fixtures/withings folder.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// fixtures/withings/homeassistant-2024.1.
    static let homeAssistant = repositoryRoot.appendingPathComponent("fixtures/withings/homeassistant-2024.1")

    /// A user serving the Home Assistant fixtures.
    static func homeAssistantUser(userID: Int64 = 10_000_001, name: String = "ha") throws -> EmulatorUser {
        try EmulatorDataLoader.loadUser(directory: homeAssistant, userID: userID, name: name)
    }

    /// Parses a fixture file.
    static func json(_ relativePath: String) throws -> JSONValue {
        try JSONValue.parse(Data(contentsOf: repositoryRoot.appendingPathComponent(relativePath)))
    }
}
