/// What `<base>/bridge/info` reports; `json` builds the payload.
public struct BridgeInfo: Sendable, Equatable {
    /// One account's line in the bridge info.
    public struct Account: Sendable, Equatable {
        /// The account slug.
        public var name: String
        /// The bound Withings user id, nil before `auth`.
        public var userID: Int64?
        /// `online`, `offline` or `needs_reauth`.
        public var state: String

        /// Creates an account line.
        public init(name: String, userID: Int64?, state: String) {
            self.name = name
            self.userID = userID
            self.state = state
        }
    }

    /// withings2mqtt's version.
    public var version: String
    /// The accounts, in configuration order.
    public var accounts: [Account]
    /// Whether the webhook server is enabled.
    public var webhookEnabled: Bool
    /// The public callback base (without the secret), when webhooks are enabled.
    public var webhookPublicURL: String?
    /// `listening`, `disabled`, `failed: …`.
    public var webhookStatus: String
    /// Units of published values.
    public var units: UnitSystem
    /// The last bridge-level error, readable and free of secrets.
    public var lastError: String?

    /// Creates bridge info.
    public init(
        version: String, accounts: [Account], webhookEnabled: Bool, webhookPublicURL: String? = nil,
        webhookStatus: String, units: UnitSystem = .metric, lastError: String? = nil
    ) {
        self.version = version
        self.accounts = accounts
        self.webhookEnabled = webhookEnabled
        self.webhookPublicURL = webhookPublicURL
        self.webhookStatus = webhookStatus
        self.units = units
        self.lastError = lastError
    }

    /// The bridge info JSON.
    public var json: JSONValue {
        .object([
            "version": .string(version),
            "accounts": .array(
                accounts.map { account in
                    .object([
                        "name": .string(account.name), "user_id": account.userID.map(JSONValue.integer) ?? .null,
                        "state": .string(account.state),
                    ])
                }),
            "webhook": .object([
                "enabled": .bool(webhookEnabled), "public_url": .optional(webhookPublicURL),
                "status": .string(webhookStatus),
            ]),
            "units": .string(units.rawValue),
            "last_error": .optional(lastError),
        ])
    }
}
