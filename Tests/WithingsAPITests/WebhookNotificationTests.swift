import Testing
import WithingsAPI
import WithingsEmulator

/// Webhook form bodies: valid shapes, typed errors, and fuzzing for crashes.
@Suite struct WebhookNotificationTests {
    static func parse(_ text: String) throws(WebhookParseError) -> WebhookNotification {
        try WebhookNotification.parse(formBody: Array(text.utf8))
    }

    @Test func documentedExample() throws {
        let note = try Self.parse("userid=12345&appli=1&startdate=1530576000&enddate=1530698753")
        #expect(note == WebhookNotification(userID: 12345, appli: 1, startDate: 1_530_576_000, endDate: 1_530_698_753))
    }

    @Test func bedEventWithStringFieldsAndEscapes() throws {
        let note = try Self.parse("userid=7&appli=50&date=1700000000&deviceid=ab%2Fcd+ef&action=")
        #expect(note.appli == 50)
        #expect(note.date == "1700000000")
        #expect(note.deviceID == "ab/cd ef")
        #expect(note.action == "")
        #expect(note.startDate == nil)
    }

    @Test func profileActionAndUTF8Escapes() throws {
        let note = try Self.parse("appli=46&userid=9&action=unlink&deviceid=caf%C3%A9")
        #expect(note.action == "unlink")
        #expect(note.deviceID == "café")
    }

    @Test func duplicateKeysLastWins() throws {
        #expect(try Self.parse("userid=1&appli=4&appli=44").appli == 44)
    }

    // Table: malformed body → the typed error it must give.
    static let malformed: [(body: [UInt8], error: WebhookParseError)] = [
        (Array("".utf8), .missingField("userid")),
        (Array("appli=1".utf8), .missingField("userid")),
        (Array("userid=1".utf8), .missingField("appli")),
        (Array("userid=abc&appli=1".utf8), .notAnInteger(field: "userid")),
        (Array("userid=1&appli=1.5".utf8), .notAnInteger(field: "appli")),
        (Array("userid=1&appli=99999999999999999999".utf8), .notAnInteger(field: "appli")),
        (Array("userid=1&appli=1&startdate=yesterday".utf8), .notAnInteger(field: "startdate")),
        (Array("userid=1&appli=1&enddate=".utf8), .notAnInteger(field: "enddate")),
        (Array("userid=1&appli=%4".utf8), .notFormEncoded("bad %-escape at byte 15")),
        (Array("userid=1&appli=%zz".utf8), .notFormEncoded("bad %-escape at byte 15")),
        (Array("userid=1&appli=1&date=%FF".utf8), .notFormEncoded("not UTF-8")),
        ([0x75, 0x73, 0xC3, 0x28], .notFormEncoded("not UTF-8")),
        (Array("{\"userid\":1,\"appli\":1}".utf8), .missingField("userid")),
    ]

    @Test(arguments: 0..<malformed.count)
    func malformedBodiesGiveTypedErrors(index: Int) {
        let testCase = Self.malformed[index]
        #expect(throws: testCase.error) { try WebhookNotification.parse(formBody: testCase.body) }
    }

    @Test func errorMessagesAreReadable() {
        #expect(WebhookParseError.missingField("appli").description.contains("\"appli\""))
        #expect(WebhookParseError.notFormEncoded("not UTF-8").description.contains("x-www-form-urlencoded"))
    }

    @Test func arbitraryBytesNeverCrash() {
        var generator = SeededRandom(seed: 0x5EED)
        let alphabet = Array("userid=appli&%+0123456789aF".utf8) + [0x00, 0xFF, 0xC3, 0x80]
        var parsed = 0
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 40)
            let body = (0..<length).map { _ in
                generator.next() % 3 == 0
                    ? UInt8(truncatingIfNeeded: generator.next())
                    : alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            if (try? WebhookNotification.parse(formBody: body)) != nil { parsed += 1 }
        }
        let valid = try? WebhookNotification.parse(formBody: Array("userid=1&appli=1".utf8))
        #expect(valid != nil)
        print("fuzz: \(parsed) of 20000 random bodies parsed as notifications")
    }
}
