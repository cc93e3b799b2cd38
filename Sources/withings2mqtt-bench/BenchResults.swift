import Foundation

/// Everything one benchmark run measured, written as `bench-results.json`.
struct BenchResults: Codable, Sendable {
    var machine: Machine
    var date: String
    var history: HistoryBench.Figures
    var household: HouseholdBench.Figures
    var binary: BinarySizes
    var day: ApiDay
    var targets: [TargetCheck]

    /// Where it ran.
    struct Machine: Codable, Sendable {
        var cpu: String
        var cores: Int
        var kernel: String
        var memoryMiB: Int
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
        var strippedBytes: Int?
        var strippedStaticStdlibBytes: Int?
    }

    /// One account's simulated day in Withings requests (token refreshes excluded on both sides: both refresh
    /// every 3 h, 8 a day).
    struct ApiDay: Codable, Sendable {
        var pollCycle: Int
        var hourlySlow: Int
        var hourlySubscriptionCheck: Int
        var events: Int
        var oursWithoutWebhooks: Int
        var oursWithWebhooks: Int
        var homeAssistantWithoutWebhooks: Int
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
            // Ours: full cycle every 10 min without webhooks, every 2 h with them; goals and devices hourly;
            // with webhooks also the hourly subscription check and the refreshes the webhooks ask for.
            oursWithoutWebhooks = 144 * pollCycle + 24 * hourlySlow
            oursWithWebhooks = 12 * pollCycle + 24 * hourlySlow + 24 * hourlySubscriptionCheck + events
            // Home Assistant (anchor 2a): four coordinators every 10 min, goals and devices hourly; with
            // webhooks only goals hourly plus one refresh per webhook: getmeas per weigh-in (2), getsummary per
            // night (1), getactivity + getworkouts per activity webhook (4 × 2); bed events call nothing.
            homeAssistantWithoutWebhooks = 144 * 4 + 24 + 24
            homeAssistantWithWebhooks = 24 + 2 + 1 + 4 * 2
        }
    }

    /// A target from the issue and whether this run met it.
    struct TargetCheck: Codable, Sendable {
        var target: String
        var measured: String
        var met: Bool
    }
}
