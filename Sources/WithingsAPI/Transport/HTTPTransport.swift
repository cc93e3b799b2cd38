/// Sends one HTTP request and returns the whole response.
///
/// The core never does I/O itself: `WithingsClient` builds requests and hands them to a transport.
/// The live transport is `CurlHTTPTransport`; tests use fakes that serve fixture bytes.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, or throws a `TransportError`.
    func send(_ request: TransportRequest) async throws -> TransportResponse
}
