import CCurl
import CCurlShim
import WithingsAPI

/// Owns one libcurl easy handle, its header list and error buffer, and frees all three in `deinit`.
///
/// A handle is created, used and released on one thread, inside `perform`; it never crosses threads.
final class CurlEasyHandle {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let redacted: RedactedURL
    private let method: String

    private init(url: String, method: String) throws(TransportError) {
        redacted = RedactedURL(url)
        self.method = method
        guard w2m_curl_global_init_once() == CURLE_OK, let easy = curl_easy_init() else {
            throw TransportError(kind: .other, message: "\(method) \(redacted): libcurl could not be initialised")
        }
        handle = easy
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Runs `request` to completion on the calling thread, which it blocks.
    static func perform(
        _ request: TransportRequest,
        settings: CurlTransferSettings,
        control: CurlTransferControl
    ) throws -> TransportResponse {
        let easy = try CurlEasyHandle(url: request.url, method: request.method)
        let sink = CurlResponseSink(limit: settings.maxResponseBytes)
        try easy.configure(request, settings: settings)
        try easy.attach(sink: sink, control: control)
        let code = withExtendedLifetime((sink, control)) { curl_easy_perform(easy.handle) }
        if code == CURLE_ABORTED_BY_CALLBACK, control.isCancelled {
            throw CancellationError()
        }
        guard code == CURLE_OK else {
            throw easy.transportError(for: code, sink: sink, settings: settings)
        }
        var status = 0
        w2m_curl_getinfo_long(easy.handle, CURLINFO_RESPONSE_CODE, &status)
        return TransportResponse(status: status, headers: sink.headers, body: sink.body)
    }

    private func configure(_ request: TransportRequest, settings: CurlTransferSettings) throws(TransportError) {
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_CONNECTTIMEOUT_MS, settings.connectTimeout.curlMilliseconds)
        try set(CURLOPT_TIMEOUT_MS, settings.totalTimeout.curlMilliseconds)
        try set(CURLOPT_FOLLOWLOCATION, settings.followRedirects ? 1 : 0)
        try set(CURLOPT_MAXREDIRS, 5)
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        try set(CURLOPT_USERAGENT, settings.userAgent)
        try check(w2m_curl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(settings.maxResponseBytes)))
        try check(w2m_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try configureMethod(request)
        try configureHeaders(request.headers)
    }

    private func configureMethod(_ request: TransportRequest) throws(TransportError) {
        let method = request.method
        guard !method.isEmpty, method.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }) else {
            throw TransportError(kind: .other, message: "invalid HTTP method for \(redacted)")
        }
        if method == "HEAD" {
            try set(CURLOPT_NOBODY, 1)
            return
        }
        if let body = request.body {
            try setBody(body)
        } else if method == "POST" {
            try setBody([])
        } else if method == "GET" {
            try set(CURLOPT_HTTPGET, 1)
        }
        // Setting a body switches curl to POST; any other method is then sent as a custom request line.
        if method != "GET" || request.body != nil, method != "POST" {
            try set(CURLOPT_CUSTOMREQUEST, method)
        }
    }

    private func setBody(_ body: [UInt8]) throws(TransportError) {
        try check(w2m_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
        // COPYPOSTFIELDS copies the bytes, so the array need not outlive this call.
        let code = body.withUnsafeBytes { raw -> CURLcode in
            let empty: StaticString = ""
            let pointer = raw.baseAddress ?? UnsafeRawPointer(empty.utf8Start)
            return w2m_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: pointer))
        }
        try check(code)
    }

    private func configureHeaders(_ headers: [TransportHeader]) throws(TransportError) {
        // An empty "Expect:" stops curl from waiting for `100 Continue` before sending larger bodies.
        var lines = ["Expect:"]
        for header in headers {
            let forbidden: (UInt8) -> Bool = { $0 == 0x0D || $0 == 0x0A || $0 == 0 }
            guard !header.name.isEmpty, !header.name.utf8.contains(where: { forbidden($0) || $0 == UInt8(ascii: ":") }),
                !header.value.utf8.contains(where: forbidden)
            else {
                throw TransportError(kind: .other, message: "invalid header field for \(method) \(redacted)")
            }
            // curl sends "Name;" as a header with an empty value; "Name:" would remove the header instead.
            lines.append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else {
                throw TransportError(kind: .other, message: "out of memory building headers for \(redacted)")
            }
            headerList = appended
        }
        try check(w2m_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
    }

    private func attach(sink: CurlResponseSink, control: CurlTransferControl) throws(TransportError) {
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        let controlPointer = Unmanaged.passUnretained(control).toOpaque()
        try check(w2m_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer))
        try check(
            w2m_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, user in
                guard let user else { return 0 }
                let sink = Unmanaged<CurlResponseSink>.fromOpaque(user).takeUnretainedValue()
                let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
                return sink.appendBody(bytes) ? size * count : 0
            })
        try check(w2m_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkPointer))
        try check(
            w2m_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, user in
                guard let user else { return 0 }
                let sink = Unmanaged<CurlResponseSink>.fromOpaque(user).takeUnretainedValue()
                sink.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
                return size * count
            })
        try set(CURLOPT_NOPROGRESS, 0)
        try check(w2m_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, controlPointer))
        try check(
            w2m_curl_setopt_xferinfo_callback(handle) { user, _, _, _, _ in
                guard let user else { return 0 }
                let control = Unmanaged<CurlTransferControl>.fromOpaque(user).takeUnretainedValue()
                return control.isCancelled ? 1 : 0
            })
    }

    private func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(w2m_curl_setopt_long(handle, option, value))
    }

    private func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        try check(w2m_curl_setopt_string(handle, option, value))
    }

    private func check(_ code: CURLcode) throws(TransportError) {
        guard code == CURLE_OK else {
            let reason = String(cString: curl_easy_strerror(code))
            throw TransportError(kind: .other, message: "\(method) \(redacted): libcurl rejected a setting: \(reason)")
        }
    }

    /// The curl error buffer's detail, with any secret-bearing URL parts removed.
    var errorDetail: String {
        redacted.scrub(String(cString: errorBuffer).trimmingWhitespace())
    }

    /// The URL as it may appear in messages.
    var redactedURL: String { redacted.description }

    /// The HTTP method of the request.
    var requestMethod: String { method }
}
