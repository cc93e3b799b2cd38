// libFuzzer's entry point for programs that keep their own main (libclang_rt.fuzzer_no_main, or the fuzzer
// runtime that -sanitize=fuzzer links). Only the declaration: nothing is linked from here, and only the
// -DLIBFUZZER build of withings2mqtt-fuzz calls it. Declared by hand because the toolchain ships no header.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
