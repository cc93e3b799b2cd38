extension StringProtocol {
    /// The text without trailing `\n` and `\r` (what editors and `echo` leave at the end of a secret file).
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while let last = text.last, last == "\n" || last == "\r" || last == "\r\n" { text = text.dropLast() }
        return String(text)
    }
}
