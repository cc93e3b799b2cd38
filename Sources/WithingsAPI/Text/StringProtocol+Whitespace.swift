extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, CR, LF and the CR LF pair, which Swift
    /// counts as one character). Shared by the config reader, the HTTP header parser and the secret files.
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
