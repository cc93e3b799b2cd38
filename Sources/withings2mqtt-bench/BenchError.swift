/// A benchmark step failed; the message says which and why.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    var description: String
    init(_ description: String) { self.description = description }
}
