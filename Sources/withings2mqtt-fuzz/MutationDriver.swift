#if !LIBFUZZER
    import FoundationEssentials

    /// Without libFuzzer: a self-contained random-mutation fuzzer over the same inputs, for a bounded time.
    ///
    /// `withings2mqtt-fuzz [SECONDS] [SEED] [CORPUS_FILE...]`: mutates the corpus files (and built-in seeds)
    /// with bit flips, byte insertions, deletions, splices and invalid UTF-8, then prints one `FUZZ:` line.
    @main
    struct MutationDriver {
        static func main() throws {
            let arguments = CommandLine.arguments.dropFirst()
            let seconds = arguments.first.flatMap(Double.init) ?? 10
            let seed = arguments.dropFirst().first.flatMap(UInt64.init) ?? 1
            var seeds = MutationSeeds.builtIn
            for path in arguments.dropFirst(2) {
                seeds.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            }
            var random = SplitMix64(seed: seed)
            let start = ContinuousClock.now
            let limit = Duration.milliseconds(Int64(seconds * 1000))
            var runs = 0
            var bytes = 0
            while ContinuousClock.now - start < limit {
                for _ in 0..<64 {
                    var input = seeds[Int(random.next() % UInt64(seeds.count))]
                    input = MutationSeeds.mutate(input, using: &random)
                    for selector in 0..<UInt8(12) {
                        FuzzInput.run([selector] + input)
                        runs += 1
                    }
                    bytes += input.count
                }
            }
            let elapsed = ContinuousClock.now - start
            let rate = Double(runs) / max(0.001, Double(elapsed.components.seconds))
            print(
                "FUZZ: mutation driver seed \(seed): \(runs) inputs (\(bytes) bytes) in \(elapsed), "
                    + "\(Int(rate)) inputs/s, no crash")
        }
    }
#endif
