import CCurlShim
import Dispatch
import WithingsAPI

/// The live `HTTPTransport`: libcurl's easy interface, one easy handle per request.
///
/// `curl_easy_perform` blocks, so every transfer runs on its own serial dispatch queue and is bridged back
/// with a continuation; the cooperative pool is never blocked. Serial queues are "overcommit" in
/// libdispatch: each blocked transfer gets a thread of its own, whereas a concurrent queue on Linux runs only
/// about one blocking item per core at a time (100 concurrent requests took 45 s that way instead of < 1 s). Cancelling the calling task resumes it
/// at once with `CancellationError` and aborts the transfer from curl's progress callback.
///
/// TLS verification is always on, proxies come from the usual environment variables (curl's default),
/// and redirects are not followed unless asked for, so an OAuth `302` and its `Location` stay visible.
public struct CurlHTTPTransport: HTTPTransport {
    /// The settings every transfer of this transport uses.
    public let settings: CurlTransferSettings

    /// Creates a transport.
    ///
    /// - Parameters:
    ///   - version: the withings2mqtt version, sent as `User-Agent: withings2mqtt/<version>`.
    ///   - connectTimeout: the limit for name resolution plus the TCP and TLS handshakes.
    ///   - totalTimeout: the limit for the whole transfer.
    ///   - maxResponseBytes: a larger response body fails the request instead of filling memory.
    ///   - followRedirects: follow up to five redirects instead of returning the `3xx` response.
    public init(
        version: String,
        connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(30),
        maxResponseBytes: Int = 64 << 20,
        followRedirects: Bool = false
    ) {
        settings = CurlTransferSettings(
            userAgent: "withings2mqtt/\(version)",
            connectTimeout: connectTimeout,
            totalTimeout: totalTimeout,
            maxResponseBytes: maxResponseBytes,
            followRedirects: followRedirects
        )
        // Initialise libcurl here, on the caller's thread, rather than lazily inside concurrent transfers.
        _ = w2m_curl_global_init_once()
    }

    /// Sends `request` and returns the buffered response; throws `TransportError` or `CancellationError`.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        try Task.checkCancellation()
        let control = CurlTransferControl()
        let settings = self.settings
        let queue = DispatchQueue(label: "withings2mqtt.curl.transfer")
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard control.install(continuation) else { return }
                queue.async {
                    let result = Result { () throws(any Error) -> TransportResponse in
                        try CurlEasyHandle.perform(request, settings: settings, control: control)
                    }
                    control.finish(result)
                }
            }
        } onCancel: {
            control.cancel()
        }
    }
}
