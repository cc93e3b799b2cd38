import CMosquitto

extension mosq_err_t {
    /// The value as the `Int32` that libmosquitto's functions return.
    var code: Int32 { Int32(rawValue) }
}
