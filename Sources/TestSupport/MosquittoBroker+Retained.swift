import Foundation

extension MosquittoBroker {
    /// The retained messages under a topic filter, read with `mosquitto_sub --retained-only` (topic → payload).
    ///
    /// Waits `seconds` for them to arrive (retained messages come at once on loopback).
    public func retainedMessages(
        _ filter: String, username: String? = nil, password: String? = nil, seconds: Int = 1
    ) async throws -> [String: [UInt8]] {
        var arguments = [
            "-h", host, "-p", String(port), "-t", filter, "--retained-only", "-F", "%t %x",
            "-W", String(seconds), "-i", "retained-reader-\(UUID().uuidString.prefix(8))",
        ]
        if let username { arguments += ["-u", username] }
        if let password { arguments += ["-P", password] }
        let (status, output) = try await MosquittoBroker.capture("mosquitto_sub", arguments)
        // 27 is mosquitto_sub's "timed out" status after -W: the normal way this ends.
        guard status == 0 || status == 27 else {
            throw MosquittoBrokerError.subscriberFailed(status: status, output: output)
        }
        var messages: [String: [UInt8]] = [:]
        for line in output.split(separator: "\n") where !line.hasPrefix("Timed out") {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            messages[String(parts[0])] = parts.count > 1 ? Self.bytes(fromHex: parts[1]) : []
        }
        return messages
    }

    /// The retained messages under a filter as UTF-8 text.
    public func retainedStrings(
        _ filter: String, username: String? = nil, password: String? = nil
    )
        async throws -> [String: String]
    {
        try await retainedMessages(filter, username: username, password: password)
            .mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs a tool and returns its status and combined output.
    static func capture(_ name: String, _ arguments: [String]) async throws -> (Int32, String) {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("mosquitto-tool-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let tool = try SpawnedProcess(try MosquittoLoopback.executable(name), arguments, outputPath: outputPath)
        let status = await tool.waitForExit()
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (status, output)
    }

    private static func bytes(fromHex hex: Substring) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            if let byte = UInt8(hex[index..<next], radix: 16) { bytes.append(byte) }
            index = next
        }
        return bytes
    }
}
