import CCurl
import WithingsAPI

extension CurlEasyHandle {
    /// The `TransportError` for a failed transfer, with a message that names no query string or body.
    func transportError(for code: CURLcode, sink: CurlResponseSink, settings: CurlTransferSettings) -> TransportError {
        let what = "\(requestMethod) \(redactedURL)"
        if sink.overflowed || code == CURLE_FILESIZE_EXCEEDED {
            return TransportError(
                kind: .other,
                message: "\(what): the response is larger than the \(settings.maxResponseBytes)-byte limit"
            )
        }
        let kind = Self.kind(of: code)
        let reason = String(cString: curl_easy_strerror(code))
        let detail = errorDetail
        var message = "\(what) failed: \(reason)"
        if !detail.isEmpty, detail != reason { message += " (\(detail))" }
        if let hint = Self.hint(for: kind, settings: settings) { message += "; \(hint)" }
        return TransportError(kind: kind, message: message)
    }

    /// The kind of failure a curl result code stands for.
    static func kind(of code: CURLcode) -> TransportError.Kind {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            .resolve
        case CURLE_COULDNT_CONNECT:
            .connect
        case CURLE_OPERATION_TIMEDOUT:
            .timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_NOTFOUND,
            CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
            .tls
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_READ_ERROR,
            CURLE_WRITE_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_WEIRD_SERVER_REPLY, CURLE_BAD_CONTENT_ENCODING,
            CURLE_PROXY:
            .io
        default:
            .other
        }
    }

    private static func hint(for kind: TransportError.Kind, settings: CurlTransferSettings) -> String? {
        switch kind {
        case .resolve: "check DNS and the network connection"
        case .connect: "check that the server is reachable and any proxy settings (https_proxy, no_proxy)"
        case .tls: "check the system CA certificates and the clock"
        case .timeout:
            "no answer within the limits (connect \(settings.connectTimeout), total \(settings.totalTimeout))"
        case .io, .other: nil
        }
    }
}
