import Testing
import WithingsAPI

@Suite struct WhitespaceTrimmingTests {
    @Test(arguments: [
        ("  alice \t", "alice"), ("secret\r\n", "secret"), ("\r\n\r\nx y\r\n", "x y"), (" \t\r\n ", ""), ("", ""),
        ("no-space", "no-space"), ("a\u{00A0}", "a"),
    ])
    func trimsBothEndsAndKeepsTheInside(text: String, expected: String) {
        #expect(text.trimmingWhitespace() == expected)
        #expect(text[...].trimmingWhitespace() == expected)
    }
}
