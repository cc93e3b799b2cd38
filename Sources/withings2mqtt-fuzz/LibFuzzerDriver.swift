#if LIBFUZZER
    import CLibFuzzer
    #if canImport(Glibc)
        import Glibc
    #else
        import Darwin
    #endif

    /// With libFuzzer (scripts/fuzz.sh builds with `-DLIBFUZZER`, AddressSanitizer and coverage): hands the
    /// command line to libFuzzer, which runs every input through ``FuzzInput/run(_:)``.
    ///
    /// The program keeps its own `main` rather than libFuzzer's because SwiftPM links every executable with
    /// `--defsym main=withings2mqtt_fuzz_main` (so that tests can link the module); the `@main` below is that
    /// symbol, and `LLVMFuzzerRunDriver` is libFuzzer's entry for programs that own `main`.
    @main
    enum LibFuzzerDriver {
        /// Runs libFuzzer with this process's arguments (corpus directories, `-max_total_time=` and the rest) and
        /// exits with its status; libFuzzer itself exits on a crash, after writing the input that caused it.
        static func main() {
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(
                LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                    FuzzInput.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
                    return 0
                })
        }
    }
#endif
