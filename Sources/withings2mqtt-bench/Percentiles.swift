/// p50, p99 and max of a sample of durations in milliseconds.
struct Percentiles: Sendable, Codable {
    /// Sample size.
    var count: Int
    /// Median, ms.
    var p50: Double
    /// 99th percentile (nearest rank), ms.
    var p99: Double
    /// Largest, ms.
    var max: Double

    /// Nearest-rank percentiles of `samples`.
    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let index = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, index))]
        }
        p50 = rank(50)
        p99 = rank(99)
        max = sorted.last ?? .nan
    }
}

extension Duration {
    /// The duration in milliseconds.
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
