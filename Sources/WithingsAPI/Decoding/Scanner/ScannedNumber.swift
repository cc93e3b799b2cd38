/// A JSON number as the byte reader found it.
enum ScannedNumber {
    /// A plain integer of at most 18 digits (no fraction, no exponent), which every decoder reads exactly.
    case integer(Int64)
    /// Any other valid JSON number: the byte range of its text, to be parsed as a `Double`.
    case other(Range<Int>)
}
