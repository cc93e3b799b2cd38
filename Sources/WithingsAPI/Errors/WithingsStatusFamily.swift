/// The family of a Withings `status` code, as Withings' status table groups them (withings-anchor.md 3f).
public enum WithingsStatusFamily: String, Sendable, Equatable, CaseIterable {
    /// 0: success.
    case ok
    /// 100–102, 200, 401: the access token was rejected (expired, revoked, wrong).
    case authenticationFailed
    /// 214, 277, 2553, 2555: the app or user is not allowed to do this.
    case unauthorized
    /// 2554: "not implemented"; not a credentials problem, so no re-authorisation.
    case notImplemented
    /// A request parameter was wrong (293 on subscribe: the callback URL did not answer).
    case invalidParams
    /// "An error occurred" on Withings' side; worth retrying later.
    case errorOccurred
    /// 522: Withings timed out.
    case timeout
    /// 524: bad state; retry later.
    case badState
    /// 601: over the rate limit (120 requests per minute per app).
    case tooManyRequests
    /// A status the table does not know.
    case unknown

    /// The family of `status`, looked up in Withings' table.
    public init(status: Int) {
        self = Self.table[status] ?? .unknown
    }

    /// Whether trying the same request again later may succeed.
    public var isRetryable: Bool {
        switch self {
        case .errorOccurred, .timeout, .badState, .tooManyRequests: true
        case .ok, .authenticationFailed, .unauthorized, .notImplemented, .invalidParams, .unknown: false
        }
    }

    /// Whether the account must be authorised again (after one refresh has been tried).
    public var needsReauthorization: Bool { self == .authenticationFailed || self == .unauthorized }

    // The table, transcribed from Withings' status list; built once, then a dictionary lookup per response.
    private static let table: [Int: WithingsStatusFamily] = {
        var table: [Int: WithingsStatusFamily] = [0: .ok, 522: .timeout, 524: .badState, 601: .tooManyRequests]
        func add(_ family: WithingsStatusFamily, _ ranges: [ClosedRange<Int>]) {
            for range in ranges { for status in range { table[status] = family } }
        }
        add(.authenticationFailed, [100...102, 200...200, 401...401])
        add(.unauthorized, [214...214, 277...277, 2553...2553, 2555...2555])
        add(.notImplemented, [2554...2554])
        add(
            .invalidParams,
            [
                201...213, 216...218, 220...221, 223...223, 225...225, 227...230, 234...236, 238...238, 240...252,
                254...254, 260...267, 271...272, 275...276, 283...288, 290...290, 293...295, 297...297, 300...304,
                321...321, 323...353, 380...382, 400...400, 501...511, 523...523, 532...532, 3017...3019,
            ])
        add(
            .errorOccurred,
            [
                215...215, 219...219, 222...222, 224...224, 226...226, 231...233, 237...237, 253...253, 255...259,
                268...270, 273...274, 278...282, 289...289, 291...292, 296...296, 298...298, 305...320, 322...322,
                370...375, 383...383, 391...391, 402...402, 516...521, 525...531, 533...533, 602...602, 700...700,
                1051...1054, 2551...2552, 2556...2559, 3000...3016, 3020...3024, 5000...5006, 6000...6000,
                6010...6011, 9000...9000, 10000...10000,
            ])
        return table
    }()
}
