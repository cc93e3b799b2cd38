import FoundationEssentials

/// Turns a `TransportResponse` into a decoded body or a `WithingsError`.
public enum WithingsResponseDecoder {
    /// Decodes the envelope in `response` and returns its body, or throws the typed error for its status.
    ///
    /// A status-0 answer without a body decodes `Body` from `{}`, so bodies whose fields are all optional
    /// (like `EmptyBody`) still succeed.
    public static func decode<Body: Decodable>(
        _ type: Body.Type, from response: TransportResponse
    ) throws(WithingsError) -> Body {
        guard response.status == 200 else { throw .httpStatus(response.status) }
        // getmeas answers are the large ones (a decade is 9 MB): the byte scanner reads them about ten times
        // faster, and declines anything it does not read exactly like JSONDecoder, which then decodes as before.
        if Body.self == WithingsPage<MeasureGroup>.self, let page = MeasurePageScanner.page(from: response.body) {
            return page as! Body
        }
        if Body.self == MeasurePage.self, let page = MeasurePage.scanned(response.body) {
            return page as! Body
        }
        return try decodeWithJSONDecoder(type, from: response)
    }

    /// `decode` without the getmeas scanner: the envelope and body through `JSONDecoder` alone.
    static func decodeWithJSONDecoder<Body: Decodable>(
        _ type: Body.Type, from response: TransportResponse
    ) throws(WithingsError) -> Body {
        guard response.status == 200 else { throw .httpStatus(response.status) }
        let envelope = try decodeJSON(WithingsEnvelope<Body>.self, from: response.body)
        guard envelope.status == 0 else {
            throw .api(
                status: envelope.status, family: WithingsStatusFamily(status: envelope.status),
                detail: envelope.error.map(shorten)
            )
        }
        if let body = envelope.body { return body }
        return try decodeJSON(Body.self, from: Array("{}".utf8))
    }

    /// Decodes `type` from raw JSON bytes, mapping every decoding failure to `.malformedResponse`.
    public static func decodeJSON<Value: Decodable>(
        _ type: Value.Type, from bytes: [UInt8]
    ) throws(WithingsError) -> Value {
        do {
            // Decoding only reads the bytes while it runs, so the Data can borrow them instead of copying.
            return try bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress, !buffer.isEmpty else {
                    return try JSONDecoder().decode(Value.self, from: Data())
                }
                let borrowed = Data(
                    bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
                return try JSONDecoder().decode(Value.self, from: borrowed)
            }
        } catch let error as DecodingError {
            throw .malformedResponse(describe(error, byteCount: bytes.count))
        } catch {
            throw .malformedResponse("\(bytes.count) bytes that are not JSON")
        }
    }

    // Says where decoding stopped without quoting the body, which may hold tokens.
    private static func describe(_ error: DecodingError, byteCount: Int) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "\(byteCount) bytes that are not complete JSON"
        case .dataCorrupted(let context): return "an unreadable value at \(path(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "no \"\(key.stringValue)\" at \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "expected \(type), found null at \(path(context.codingPath))"
        @unknown default: return "\(byteCount) bytes that could not be decoded"
        }
    }

    // Withings' error texts are short; cap them so a hostile body cannot flood logs.
    private static func shorten(_ text: String) -> String {
        text.count <= 200 ? text : String(text.prefix(200)) + "…"
    }
}
