#if LIBFUZZER
    /// The libFuzzer entry point (scripts/fuzz.sh builds with `-DLIBFUZZER -sanitize=fuzzer,address`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        FuzzInput.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
#endif
