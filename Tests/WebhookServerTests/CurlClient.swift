import Foundation

/// A response as curl saw it.
struct CurlResponse: Sendable {
    /// Final status code (1xx interim answers skipped); 0 when curl got none.
    let status: Int
    /// Header lines of the final response, names lowercased.
    let headers: [String: String]
    /// The body.
    let body: String
    /// curl's exit code.
    let exitCode: Int32
}

/// Runs curl against the server under test.
enum CurlClient {
    /// Runs `curl -sS -i` with `arguments` and parses the final response.
    static func run(_ arguments: [String]) async throws -> CurlResponse {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sS", "-i", "--max-time", "20"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let exitCode: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        return parse(String(decoding: data, as: UTF8.self), exitCode: exitCode)
    }

    private static func parse(_ text: String, exitCode: Int32) -> CurlResponse {
        var rest = Substring(text)
        while true {
            guard let end = rest.range(of: "\r\n\r\n") else {
                return CurlResponse(status: 0, headers: [:], body: String(rest), exitCode: exitCode)
            }
            let headerLines = rest[..<end.lowerBound].split(separator: "\r\n")
            let statusLine = headerLines.first?.split(separator: " ") ?? []
            let status = statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0
            rest = rest[end.upperBound...]
            if (100..<200).contains(status) { continue }
            var headers: [String: String] = [:]
            for line in headerLines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                    in: .whitespaces)
            }
            return CurlResponse(status: status, headers: headers, body: String(rest), exitCode: exitCode)
        }
    }
}
