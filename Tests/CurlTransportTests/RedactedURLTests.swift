import Testing

@testable import CurlTransport

@Suite struct RedactedURLTests {
    @Test(arguments: [
        ("https://wbsapi.withings.net/v2/oauth2?action=requesttoken&code=abc", "https://wbsapi.withings.net/v2/oauth2"),
        ("https://user:secret@example.com:8443/a/b#token", "https://example.com:8443/a/b"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://host/path?", "http://host/path"),
        ("host/no-scheme?q=1", "host/no-scheme"),
    ])
    func keepsOnlySchemeHostPortAndPath(url: String, expected: String) {
        #expect(RedactedURL(url).description == expected)
    }

    @Test func scrubRemovesQueryAndUserInfoFromText() {
        let redacted = RedactedURL("https://me:pw1@h/p?code=XYZ")
        #expect(redacted.removedParts == ["code=XYZ", "me:pw1"])
        #expect(redacted.scrub("failed for code=XYZ as me:pw1") == "failed for … as …")
    }
}
