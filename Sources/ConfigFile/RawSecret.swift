/// A secret as written in the file: an inline value and/or a `*_file` path, before env and disk are consulted.
struct RawSecret {
    /// Key path of the inline value, e.g. `mqtt.password`.
    let valuePath: String
    /// Key path of the file key, e.g. `mqtt.password_file`.
    let filePath: String
    /// Environment variable that wins over both.
    let variable: String
    /// The inline value.
    var value: String?
    /// The file to read the value from.
    var file: String?
}
