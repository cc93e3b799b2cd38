/// The Withings data API for one account, over any `HTTPTransport`.
///
/// Every call takes a token from `tokens`, waits for the shared `RateLimiter`, sends a form-encoded POST and
/// decodes the envelope. On an auth-family status it asks `tokens` for a refresh exactly once and retries once;
/// on a 601 it reports to the limiter (which backs every caller off) and retries up to `maxRateLimitRetries`.
/// Errors are `WithingsError`, except what the `TokenProvider` or a cancelled sleep throws.
public struct WithingsClient: Sendable {
    /// Withings' API host.
    public static let defaultBaseURL = "https://wbsapi.withings.net"
    /// The most pages one paged call reads, so a server that always says `more` cannot loop forever.
    public static let maxPages = 10_000

    private let transport: any HTTPTransport
    private let baseURL: String
    private let limiter: RateLimiter
    private let tokens: any TokenProvider
    private let maxRateLimitRetries: Int

    /// Creates a client; `limiter` should be shared by every account of the same developer app.
    public init(
        transport: some HTTPTransport, baseURL: String = defaultBaseURL, limiter: RateLimiter,
        tokens: some TokenProvider, maxRateLimitRetries: Int = 3
    ) {
        self.transport = transport
        self.baseURL = baseURL
        self.limiter = limiter
        self.tokens = tokens
        self.maxRateLimitRetries = max(0, maxRateLimitRetries)
    }

    /// Sends one request and decodes its body, with the token-refresh and 601 retries described above.
    public func send<Body: Decodable>(_ request: WithingsRequest, as type: Body.Type) async throws -> Body {
        var token = try await tokens.accessToken()
        var refreshed = false
        var rateLimitRetries = 0
        while true {
            do {
                return try await WithingsExchange.perform(
                    request, accessToken: token, as: type, transport: transport, baseURL: baseURL, limiter: limiter
                )
            } catch let error as WithingsError {
                if error.family == .tooManyRequests, rateLimitRetries < maxRateLimitRetries {
                    rateLimitRetries += 1
                    continue
                }
                if error.needsReauthorization, !refreshed {
                    refreshed = true
                    token = try await tokens.refreshAfterAuthFailure(rejected: token)
                    continue
                }
                throw error
            }
        }
    }

    /// Reads every page of a paged call, following `offset` while `more` is truthy.
    public func sendPaged<Item: PageItem>(
        _ request: WithingsRequest, of item: Item.Type
    ) async throws -> [WithingsPage<Item>] {
        var pages: [WithingsPage<Item>] = []
        try await forEachPage(request, as: WithingsPage<Item>.self) { pages.append($0) }
        return pages
    }

    /// Reads every page of a paged call like `sendPaged`, but hands each page to `body` as it arrives instead
    /// of keeping them all, so a decade of history is held one page at a time. `Page` is `WithingsPage` or a
    /// body that decodes lazily (`MeasurePage` reads getmeas groups a slice at a time).
    nonisolated(nonsending) public func forEachPage<Page: PagedBody>(
        _ request: WithingsRequest, as page: Page.Type, _ body: (Page) async throws -> Void
    ) async throws {
        var next = request
        for _ in 0..<Self.maxPages {
            let page = try await send(next, as: Page.self)
            try await body(page)
            let current = Int(next.field("offset") ?? "0") ?? 0
            // A page that says `more` but does not move the offset forward would loop: stop there.
            guard page.more, let offset = page.offset, offset > current else { break }
            next = request.atOffset(offset)
        }
    }
}
