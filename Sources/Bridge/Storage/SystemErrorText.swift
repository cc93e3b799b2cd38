import Glibc

/// The C library's text for an `errno` value, such as "Permission denied".
func systemErrorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "errno \(code)" }
    return String(cString: text) + " (errno \(code))"
}
