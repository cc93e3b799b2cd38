import Foundation

/// CPU time and memory of a process, read from /proc.
struct ProcessStats: Sendable {
    /// User plus system CPU seconds so far.
    var cpuSeconds: Double
    /// Resident set size now, MiB.
    var rssMiB: Double
    /// Peak resident set size (VmHWM), MiB.
    var peakRSSMiB: Double
    /// Anonymous resident memory (heap, stacks), MiB.
    var anonRSSMiB: Double
    /// File-backed resident memory (the binary and shared libraries), MiB.
    var fileRSSMiB: Double

    /// Reads /proc/`pid`/stat and /proc/`pid`/status.
    static func read(pid: Int32) throws -> ProcessStats {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // Fields after the ")" that closes the command name; utime and stime are fields 14 and 15.
        guard let close = stat.lastIndex(of: ")") else { throw BenchError("unreadable /proc/\(pid)/stat") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let cpu = ((Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)) / ticks
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        func kib(_ key: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
        }
        return ProcessStats(
            cpuSeconds: cpu, rssMiB: kib("VmRSS:") / 1024, peakRSSMiB: kib("VmHWM:") / 1024,
            anonRSSMiB: kib("RssAnon:") / 1024, fileRSSMiB: kib("RssFile:") / 1024)
    }
}
