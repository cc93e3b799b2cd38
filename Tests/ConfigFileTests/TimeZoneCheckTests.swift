import Foundation
import LocalTime
import Testing

@testable import ConfigFile

/// `timezone` is checked by loading the zone the way the daemon will, with a message for each way it fails.
@Suite struct TimeZoneCheckTests {
    @Test(arguments: ["Europe/Paris", "America/Argentina/Buenos_Aires", "UTC", "Etc/GMT+5"])
    func zonesOfTheSystemDatabaseAreAccepted(_ zone: String) {
        #expect(ConfigurationValidator.timeZoneProblem(zone) == nil)
    }

    @Test(arguments: ["Mars/Olympus_Mons", "../../etc/passwd", "/etc/localtime", "Europe", "europe paris", ""])
    func unknownOrUnsafeNamesAreNotIANAZones(_ zone: String) throws {
        let problem = try #require(ConfigurationValidator.timeZoneProblem(zone))
        #expect(problem.hasPrefix("\"\(zone)\" is not an IANA time zone; allowed: a name like Europe/Paris"))
    }

    @Test func aMissingDatabaseSaysToInstallTzdata() throws {
        let zoneInfo = ZoneInfo(root: "/nonexistent-zoneinfo-\(UUID().uuidString)")
        let problem = try #require(ConfigurationValidator.timeZoneProblem("Europe/Paris", zoneInfo: zoneInfo))
        #expect(problem.contains("there is no time zone database at \(zoneInfo.root)"))
        #expect(problem.contains("tzdata"))
    }

    @Test func aBrokenZoneFileIsNamedWithItsDefect() throws {
        let directory = try ConfigTestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try ConfigTestSupport.write("not a TZif file", to: "Broken", in: directory)
        let problem = try #require(
            ConfigurationValidator.timeZoneProblem("Broken", zoneInfo: ZoneInfo(root: directory.path)))
        #expect(problem.hasPrefix("\"Broken\" cannot be used: \(directory.path)/Broken: "))
    }
}
