import Foundation

/// Finds and loads the repository's test fixtures (`fixtures/withings/…`).
public enum Fixtures {
    /// Why a fixture could not be loaded.
    public struct LoadError: Error, CustomStringConvertible {
        /// What went wrong, with the path.
        public var description: String
    }

    /// The repository root, found from this file's location (`Sources/TestSupport/Fixtures.swift`).
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The `fixtures/withings` folder.
    public static var withingsDirectory: URL {
        repositoryRoot.appendingPathComponent("fixtures/withings", isDirectory: true)
    }

    /// The bytes of `fixtures/withings/<relativePath>`, e.g. `aiowithings/measurement.json`.
    public static func withings(_ relativePath: String) throws -> [UInt8] {
        let url = withingsDirectory.appendingPathComponent(relativePath)
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw LoadError(description: "cannot read fixture \(url.path): \(error)")
        }
    }

    /// Every `.json` file under `fixtures/withings`, as paths relative to it (`aiowithings/device.json`), sorted.
    public static func allWithingsJSONFiles() throws -> [String] {
        let root = withingsDirectory
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw LoadError(description: "cannot list \(root.path)")
        }
        var paths: [String] = []
        for case let url as URL in walker where url.pathExtension == "json" {
            paths.append(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
        }
        return paths.sorted()
    }

    /// A full Withings answer around a body fragment: `{"status":0,"body":{"<key>": <fragment>}}`.
    ///
    /// The `homeassistant-*` fixtures are such fragments (the list or object under `body`).
    public static func envelope(key: String, fragment: [UInt8], extraBodyJSON: String = "") -> [UInt8] {
        let extra = extraBodyJSON.isEmpty ? "" : "," + extraBodyJSON
        return Array("{\"status\":0,\"body\":{\"\(key)\":".utf8) + fragment + Array("\(extra)}}".utf8)
    }

    /// A full Withings answer with this body JSON: `{"status":<status>,"body":<bodyJSON>}`.
    public static func envelope(status: Int = 0, bodyJSON: String, error: String? = nil) -> [UInt8] {
        let errorPart = error.map { ",\"error\":\"\($0)\"" } ?? ""
        return Array("{\"status\":\(status),\"body\":\(bodyJSON)\(errorPart)}".utf8)
    }
}
