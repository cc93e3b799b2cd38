/// One round trip: wait for the limiter, send, decode; shared by `WithingsClient` and `OAuthClient`.
enum WithingsExchange {
    /// Sends `request` once and returns its decoded body; 601 answers are reported to `limiter` before throwing.
    ///
    /// Throws `WithingsError`, or `CancellationError` when the task is cancelled while waiting for the limiter.
    static func perform<Body: Decodable>(
        _ request: WithingsRequest, accessToken: String?, as bodyType: Body.Type, transport: any HTTPTransport,
        baseURL: String, limiter: RateLimiter
    ) async throws -> Body {
        try await limiter.acquire()
        let response: TransportResponse
        do {
            response = try await transport.send(request.transportRequest(baseURL: baseURL, accessToken: accessToken))
        } catch let error as TransportError {
            throw WithingsError.transport(error)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw WithingsError.transport(
                TransportError(kind: .other, message: "\(type(of: error)) while sending \(request.action)")
            )
        }
        do {
            let body = try WithingsResponseDecoder.decode(bodyType, from: response)
            await limiter.recordSuccess()
            return body
        } catch let error {
            if error.family == .tooManyRequests {
                await limiter.recordTooManyRequests()
            } else {
                await limiter.recordSuccess()
            }
            throw error
        }
    }
}
