import Foundation

/// Everything one benchmark run measured, written as `bench-results.json`.
struct BenchResults: Codable, Sendable {
    /// Where it ran.
    var machine: Machine
    /// When it ran (ISO 8601, UTC).
    var date: String
    /// Item 2.
    var history: HistoryBench.Figures
    /// Items 1, 3, 4, 5 and 6.
    var household: HouseholdBench.Figures
    /// Item 3, binary sizes.
    var binary: BinarySizes
    /// Item 5, the composed day.
    var day: ApiDay
    /// The targets against this run.
    var targets: [TargetCheck]

    /// Where it ran.
    struct Machine: Codable, Sendable {
        /// CPU model from /proc/cpuinfo.
        var cpu: String
        /// Usable cores.
        var cores: Int
        /// Kernel release.
        var kernel: String
        /// Memory, MiB.
        var memoryMiB: Int
        /// Load averages (1, 5, 15 min) when the run ended.
        var loadAverage: String

        /// Reads /proc.
        static func current() -> Machine {
            let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
            let model =
                cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
                .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown"
            let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
            let total =
                meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal") }?
                .split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) } ?? 0
            let kernel = (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)) ?? ""
            let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
            return Machine(
                cpu: model, cores: ProcessInfo.processInfo.activeProcessorCount,
                kernel: kernel.trimmingCharacters(in: .whitespacesAndNewlines), memoryMiB: total / 1024,
                loadAverage: load.split(separator: " ").prefix(3).joined(separator: " "))
        }
    }

    /// The stripped release binary, dynamically and statically linked against the Swift runtime.
    struct BinarySizes: Codable, Sendable {
        /// Stripped, dynamically linked Swift runtime.
        var strippedBytes: Int?
        /// Stripped, `--static-swift-stdlib`.
        var strippedStaticStdlibBytes: Int?
    }

    /// One account's simulated day in Withings requests (token refreshes excluded on both sides: both refresh
    /// every 3 h, 8 a day).
    struct ApiDay: Codable, Sendable {
        /// Requests of one full poll cycle (measured).
        var pollCycle: Int
        /// Requests of the hourly goals and devices refresh (measured).
        var hourlySlow: Int
        /// Requests of the hourly subscription check (measured).
        var hourlySubscriptionCheck: Int
        /// Requests caused by the day's webhooks (measured).
        var events: Int
        /// Our day when polling.
        var oursWithoutWebhooks: Int
        /// Our day with webhooks.
        var oursWithWebhooks: Int
        /// Home Assistant's day when polling (anchor 2a).
        var homeAssistantWithoutWebhooks: Int
        /// Home Assistant's day with webhooks (anchor 2a).
        var homeAssistantWithWebhooks: Int

        /// Composes the day from measured unit costs and both schedules.
        init(_ economy: EconomyBench.Figures) {
            func sum(_ counts: [String: Int], _ words: [String]) -> Int {
                counts.filter { entry in words.contains { entry.key.contains($0) } }.values.reduce(0, +)
            }
            pollCycle = sum(economy.warmStartByEndpoint, ["getmeas", "getsummary", "getactivity", "getworkouts"])
            hourlySlow = sum(economy.warmStartByEndpoint, ["getgoals", "getdevice"])
            hourlySubscriptionCheck = sum(economy.warmStartByEndpoint, ["/notify"])
            events = sum(
                economy.dayEventsByEndpoint,
                ["getmeas", "getsummary", "getactivity", "getworkouts", "getgoals", "getdevice", "/notify"])
            // Ours: what PollScheduler plans for the day (cycles every 10 min without webhooks, every 2 h with
            // them, sleep hourly once the night is known, goals and devices hourly), one request per category as
            // measured above; with webhooks also the hourly subscription check and the webhooks' refreshes.
            oursWithoutWebhooks = SimulatedDay.total(interval: 600)
            oursWithWebhooks = SimulatedDay.total(interval: 7200) + 24 * hourlySubscriptionCheck + events
            // Home Assistant (anchor 2a): four coordinators every 10 min, goals and devices hourly; with
            // webhooks only goals hourly plus one refresh per webhook: getmeas per weigh-in (2), getsummary per
            // night (1), getactivity + getworkouts per activity webhook (4 × 2); bed events call nothing.
            homeAssistantWithoutWebhooks = 144 * 4 + 24 + 24
            homeAssistantWithWebhooks = 24 + 2 + 1 + 4 * 2
        }
    }

    /// A target from the issue and whether this run met it.
    struct TargetCheck: Codable, Sendable {
        /// The target as the issue states it.
        var target: String
        /// What this run measured.
        var measured: String
        /// Whether it is met.
        var met: Bool
    }
}
