import Testing
import WebhookServer
import WithingsAPI

@Suite struct WebhookFormTests {
    @Test func bedInEvent() throws {
        let notification = try WebhookForm.parse("userid=12345&appli=50&date=1530576000&deviceid=abc%20def")
        #expect(notification == WebhookNotification(userID: 12345, appli: 50, date: "1530576000", deviceID: "abc def"))
    }

    @Test func weightWithWindow() throws {
        let notification = try WebhookForm.parse("userid=12345&appli=1&startdate=1530576000&enddate=1530698753")
        #expect(notification == WebhookNotification(userID: 12345, appli: 1, startDate: 1530576000, endDate: 1530698753))
    }

    @Test func profileActionAndUnknownFieldsIgnored() throws {
        let notification = try WebhookForm.parse("appli=46&userid=7&action=unlink&extra=1&userid=8")
        #expect(notification == WebhookNotification(userID: 7, appli: 46, action: "unlink"))
    }

    @Test(arguments: [
        ("", WebhookFormError.emptyBody),
        ("appli=1", .missingField("userid")),
        ("userid=1", .missingField("appli")),
        ("userid=abc&appli=1", .notANumber("userid")),
        ("userid=1&appli=1&startdate=yesterday", .notANumber("startdate")),
        ("userid=1&appli=%zz", .badEncoding),
        ("{\"userid\":1,\"appli\":1}", .missingField("userid")),
    ])
    func malformedBodies(body: String, expected: WebhookFormError) {
        #expect(throws: expected) { try WebhookForm.parse(body) }
    }
}
