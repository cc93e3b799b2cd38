import Foundation
import Testing
import WithingsEmulator

@Suite struct ParsingTests {
    @Test func formParametersDecodeAndEncode() {
        let form = FormParameters(encoded: "a=1&b=two+words&c=%2Fpath%3Fx%3D1&empty=&flag")
        #expect(form["a"] == "1")
        #expect(form["b"] == "two words")
        #expect(form["c"] == "/path?x=1")
        #expect(form["empty"] == nil)
        #expect(form.values["flag"] == "")
        #expect(FormParameters.encode(["b": "x y", "a": "http://h/p"]) == "a=http%3A%2F%2Fh%2Fp&b=x%20y")
        #expect(FormParameters(encoded: FormParameters.encode(["k": "ä&=+"]))["k"] == "ä&=+")
    }

    @Test func jsonRoundTripKeepsWholeNumbersAndFractions() throws {
        let fixture = try Fixtures.json("fixtures/withings/homeassistant-2024.1/activity.json")
        #expect(try JSONValue.parse(fixture.serialized()) == fixture)
        let first = try #require(fixture.arrayValue?.first)
        #expect(first["steps"] == .int(1892))
        #expect(first["distance"] == .double(1607.93))
        #expect(first["deviceid"] == .null)
        #expect(first["is_tracker"] == false)
        #expect(JSONValue.string("a\"b\n\u{1}").serialized() == #""a\"b\n\u0001""#)
    }

    @Test func requestReadsBearerAndMergedParameters() {
        let request = EmulatorRequest(
            method: "post", uri: "/measure?action=getmeas&offset=5",
            headers: ["Authorization": "Bearer abc", "Content-Type": "application/x-www-form-urlencoded"],
            body: Array("offset=7&lastupdate=1".utf8))
        #expect(request.method == "POST")
        #expect(request.path == "/measure")
        #expect(request.accessToken == "abc")
        #expect(request.parameters["offset"] == "7")
        #expect(request.parameters["action"] == "getmeas")
    }

    @Test func loaderAcceptsFullEnvelopes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("emu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let envelope = Fixtures.repositoryRoot.appendingPathComponent("fixtures/withings/aiowithings/goals.json")
        try FileManager.default.copyItem(at: envelope, to: directory.appendingPathComponent("goals.json"))
        let user = try EmulatorDataLoader.loadUser(directory: directory, userID: 3)
        #expect(user.goals["steps"] != nil)
        #expect(user.measureGroups.isEmpty)
        #expect(throws: EmulatorDataError.self) {
            try EmulatorDataLoader.loadUser(directory: directory.appendingPathComponent("missing"), userID: 4)
        }
    }
}
