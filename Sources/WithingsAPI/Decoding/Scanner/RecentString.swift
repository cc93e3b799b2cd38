/// The last string a scanner decoded for one field and where its bytes were.
///
/// Consecutive groups usually repeat the same device id; comparing bytes with the previous occurrence lets them
/// share one `String` instead of allocating a copy per group.
struct RecentString {
    /// The content bytes (between the quotes) of the earlier occurrence.
    var bytes: Range<Int>
    /// The decoded string.
    var value: String
}
