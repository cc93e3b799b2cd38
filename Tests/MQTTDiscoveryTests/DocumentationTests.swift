import Foundation
import Testing

@testable import MQTTDiscovery

/// Keeps the operator docs in step with the code: every entity key is documented in docs/MQTT.md.
@Suite struct DocumentationTests {
    @Test func everyCatalogKeyIsInTheMQTTContract() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let contract = try String(contentsOf: root.appendingPathComponent("docs/MQTT.md"), encoding: .utf8)
        let missing = EntityCatalog.all.map(\.key).filter { $0 != "connected" && !contract.contains("`\($0)`") }
        #expect(missing.isEmpty, "docs/MQTT.md does not list: \(missing)")
    }
}
