import Foundation
import LocalTime
import Testing

@Suite struct ZoneInfoTests {
    /// 2024-01-15 00:00 UTC, outside every northern summer time.
    static let january: Int64 = 1_705_276_800

    @Test(arguments: [
        ("Europe/Berlin", true), ("UTC", true), ("Etc/GMT+5", true), ("America/Port-au-Prince", true),
        ("America/Argentina/Buenos_Aires", true), ("EST5EDT", true), ("", false), ("/etc/passwd", false),
        ("../etc/passwd", false), ("Europe/../../etc/passwd", false), ("Europe/./Berlin", false),
        ("Europe//Berlin", false), ("Europe/", false), ("zone.tab", false), ("Europe/Berlin ", false),
        ("Europe\\Berlin", false), ("Europe/Berlin\0", false), ("Eur%70pe", false), ("Zürich", false),
        (String(repeating: "a", count: 256), false),
    ])
    func validatesNames(_ name: String, _ safe: Bool) {
        #expect(ZoneInfo.isSafeIdentifier(name) == safe)
        if !safe {
            #expect(throws: ZoneInfoError.unsafeIdentifier(name)) { try ZoneInfo().load(identifier: name) }
            #expect(!Self.loads(ZoneInfo(), name))
        }
    }

    // Whether the name's zone loads: a safe name whose file exists and decodes.
    private static func loads(_ zoneInfo: ZoneInfo, _ identifier: String) -> Bool {
        (try? zoneInfo.load(identifier: identifier)) != nil
    }

    @Test func knownAndUnknownNames() {
        let zoneInfo = ZoneInfo()
        #expect(Self.loads(zoneInfo, "Europe/Berlin"))
        #expect(Self.loads(zoneInfo, "America/Godthab"))
        #expect(!Self.loads(zoneInfo, "Europe/Atlantis"))
        #expect(!Self.loads(zoneInfo, "Europe"))
        #expect(!Self.loads(zoneInfo, "europe/berlin"))
        #expect(throws: ZoneInfoError.notFound(path: "/usr/share/zoneinfo/Europe/Atlantis")) {
            try zoneInfo.load(identifier: "Europe/Atlantis")
        }
        #expect(throws: ZoneInfoError.notFound(path: "/usr/share/zoneinfo/Europe")) {
            try zoneInfo.load(identifier: "Europe")
        }
    }

    @Test func overriddenRoot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("w2m-zoneinfo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Test"), withIntermediateDirectories: true)
        try Data(TZifBuilder().bytes).write(to: root.appendingPathComponent("Test/Zone"))
        try Data("not a zone".utf8).write(to: root.appendingPathComponent("Broken"))
        let zoneInfo = ZoneInfo(root: root.path)
        #expect(try zoneInfo.load(identifier: "Test/Zone") == TZifDecoder.decode(TZifBuilder().bytes))
        #expect(Self.loads(zoneInfo, "Test/Zone"))
        #expect(!Self.loads(zoneInfo, "Broken"))
        #expect(!Self.loads(zoneInfo, "Europe/Berlin"))
        #expect(throws: ZoneInfoError.invalid(path: root.path + "/Broken", .badMagic)) {
            try zoneInfo.load(identifier: "Broken")
        }
        // Without a database, UTC still works; everything else does not.
        #expect(try zoneInfo.load(identifier: "UTC") == .utc)
        #expect(try zoneInfo.load(identifier: "Etc/UTC") == .utc)
        #expect(Self.loads(zoneInfo, "GMT"))
    }

    @Test func systemZoneFromTZ() {
        let zoneInfo = ZoneInfo(localtimePath: "/usr/share/zoneinfo/Asia/Tokyo")
        let cases: [(tz: String?, offset: Int)] = [
            (":Asia/Kolkata", 19800), ("Asia/Kolkata", 19800), ("/usr/share/zoneinfo/Asia/Kolkata", 19800),
            (":/usr/share/zoneinfo/Asia/Kolkata", 19800), ("<+0545>-5:45", 20700), ("EST5EDT", -18000),
            ("XXX-3YYY,M3.2.0,M11.1.0", 10800), ("", 0), (nil, 32400), ("Nowhere/Garbage!", 32400),
            (":EST4", 32400), ("/nonexistent/zone", 32400), (":../../etc/passwd", 32400), ("/etc/hostname", 32400),
        ]
        for (tz, offset) in cases {
            let environment = tz.map { ["TZ": $0] } ?? [:]
            #expect(
                zoneInfo.system(environment: environment).utcOffset(at: Self.january) == offset, "TZ=\(tz ?? "unset")")
        }
    }

    @Test func systemZoneWithoutLocaltimeIsUTC() {
        let zoneInfo = ZoneInfo(localtimePath: "/nonexistent/localtime")
        #expect(zoneInfo.system(environment: [:]) == .utc)
        #expect(zoneInfo.system(environment: ["TZ": "Nowhere/Zone"]) == .utc)
        #expect(ZoneInfo().system(environment: ["TZ": "Europe/Berlin"]).utcOffset(at: Self.january) == 3600)
    }
}
