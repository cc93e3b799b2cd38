import Foundation

/// The printed table: each figure beside its floor or peer from the same run, and the ratio.
enum ResultTable {
    /// Renders the run as a Markdown table plus the target checks.
    static func render(_ results: BenchResults) -> String {
        let latency = results.household.latency
        let history = results.history
        let house = results.household
        let day = results.day
        var rows: [[String]] = [["figure", "withings2mqtt", "floor / peer", "ratio"]]
        func ratio(_ ours: Double, _ other: Double?) -> String {
            guard let other, other > 0 else { return "–" }
            return String(format: "%.2f", ours / other)
        }
        func lat(_ label: String, _ ours: Percentiles, _ floor: Percentiles) {
            rows.append([
                "\(label) p50 / p99 / max (ms)", String(format: "%.2f / %.2f / %.2f", ours.p50, ours.p99, ours.max),
                String(format: "%.2f / %.2f / %.2f (floor)", floor.p50, floor.p99, floor.max),
                "p99 \(ratio(ours.p99, floor.p99))",
            ])
        }
        lat("bed event, \(latency.pacedBridge.count) at 50/s,", latency.pacedBridge, latency.pacedFloor)
        lat(
            "bed event, burst of \(latency.burstBridge.count) (\(latency.burstFoldedBridge) folded into a newer state, "
                + "\(latency.burstEventMessages) on `events`; floor \(latency.burstFoldedFloor) folded),",
            latency.burstBridge, latency.burstFloor)
        let noDelay = results.household.latencyNoDelayBroker
        lat(
            "broker set_tcp_nodelay: bed event, \(noDelay.pacedBridge.count) at 50/s,", noDelay.pacedBridge,
            noDelay.pacedFloor)
        lat("broker set_tcp_nodelay: burst of \(noDelay.burstBridge.count),", noDelay.burstBridge, noDelay.burstFloor)
        rows.append([
            "burst drain: first POST → last in_bed (ms)", String(format: "%.1f", latency.burstDrainBridgeMs),
            String(format: "%.1f (floor)", latency.burstDrainFloorMs),
            ratio(latency.burstDrainBridgeMs, latency.burstDrainFloorMs),
        ])
        let cycles =
            [("", history.pagedCycle), ("", history.onePageCycle)]
            + (history.staticOnePageCycle.map { [(", static binary", $0)] } ?? [])
        for (binary, cycle) in cycles {
            let pages = cycle.pageSize >= 1_000_000 ? "one page per kind" : "\(cycle.pageSize) per page"
            rows.append([
                "decade: first cycle wall / CPU / peak RSS, \(pages) (\(cycle.apiRequests) requests)\(binary)",
                String(format: "%.0f ms / %.2f s / %.1f MiB", cycle.wallMs, cycle.cpuSeconds, cycle.peakRSSMiB),
                "–", "–",
            ])
        }
        if let firstWeight = history.pagedCycle.firstWeightMs {
            rows.append([
                "decade, 200 per page: start to the first weight state (before the walk ends)",
                String(format: "%.0f ms", firstWeight), "–", "–",
            ])
        }
        rows.append([
            "decade: \(history.measureGroups) groups (\(history.getmeasBytes / 1024) KiB) decode + aggregate",
            String(format: "%.1f ms", history.swiftDecodeAggregateMs),
            history.peerDecodeAggregateMs.map { String(format: "%.1f ms (aiowithings)", $0) } ?? "skipped",
            history.peerSpeedup.map { String(format: "%.1fx faster", $0) } ?? "–",
        ])
        rows.append([
            "idle RSS, 2 accounts (anon + file-backed)",
            String(
                format: "%.1f MiB (%.1f + %.1f)", house.footprint.idleRSSMiB, house.footprint.idleAnonRSSMiB,
                house.footprint.idleFileRSSMiB),
            "–", "–",
        ])
        rows.append([
            "idle CPU per minute", String(format: "%.3f s", house.footprint.idleCPUSecondsPerMinute), "–", "–",
        ])
        if let figures = house.staticFootprint {
            rows.append([
                "same, --static-swift-stdlib binary: idle RSS / CPU per minute",
                String(
                    format: "%.1f MiB (%.1f + %.1f) / %.3f s", figures.idleRSSMiB, figures.idleAnonRSSMiB,
                    figures.idleFileRSSMiB, figures.idleCPUSecondsPerMinute),
                "–", "–",
            ])
        }
        if let stripped = results.binary.strippedBytes {
            rows.append(["stripped binary", String(format: "%.1f MiB", Double(stripped) / 1_048_576), "–", "–"])
        }
        if let size = results.binary.strippedStaticStdlibBytes {
            rows.append([
                "stripped binary, --static-swift-stdlib", String(format: "%.1f MiB", Double(size) / 1_048_576), "–",
                "–",
            ])
        }
        rows.append([
            "start-up → \(house.startup.retainedTopics) retained topics",
            String(format: "%.0f ms", house.startup.wallMs),
            String(format: "%.0f ms (`--version` to exit)", house.startup.versionExitMs),
            ratio(house.startup.wallMs, house.startup.versionExitMs),
        ])
        rows.append([
            "start-up, broker with set_tcp_nodelay", String(format: "%.0f ms", house.startupNoDelayBrokerMs),
            String(format: "%.0f ms (`--version` to exit)", house.startup.versionExitMs),
            ratio(house.startupNoDelayBrokerMs, house.startup.versionExitMs),
        ])
        rows.append([
            "API calls / account / day, webhooks", "\(day.oursWithWebhooks)",
            "\(day.homeAssistantWithWebhooks) (Home Assistant)",
            ratio(Double(day.oursWithWebhooks), Double(day.homeAssistantWithWebhooks)),
        ])
        rows.append([
            "API calls / account / day, polling", "\(day.oursWithoutWebhooks)",
            "\(day.homeAssistantWithoutWebhooks) (Home Assistant)",
            ratio(Double(day.oursWithoutWebhooks), Double(day.homeAssistantWithoutWebhooks)),
        ])
        rows.append([
            "webhooks/s, 16 keep-alive connections", String(format: "%.0f", house.throughput.perSecond), "–", "–",
        ])
        rows.append(["RSS after throughput run", String(format: "%.1f MiB", house.throughput.rssAfterMiB), "–", "–"])
        var text = rows.enumerated().map { index, row in
            let line = "| " + row.joined(separator: " | ") + " |"
            return index == 0 ? line + "\n|" + String(repeating: "---|", count: row.count) : line
        }.joined(separator: "\n")
        text += "\n\n| target | measured | met |\n|---|---|---|\n"
        text += results.targets.map { "| \($0.target) | \($0.measured) | \($0.met ? "yes" : "**no**") |" }
            .joined(separator: "\n")
        return text
    }
}
