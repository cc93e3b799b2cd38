import Bridge
import ConfigFile
import CurlTransport
import MQTTDiscovery
import MosquittoClient
import WithingsAPI

/// The live pieces every command builds the same way from the configuration.
struct SharedParts: Sendable {
    let configuration: Configuration
    let transport: CurlHTTPTransport
    let limiter: RateLimiter
    let oauth: OAuthClient

    /// Creates the shared pieces; one rate limiter serves every account of the developer app.
    init(configuration: Configuration, version: String) {
        self.configuration = configuration
        transport = CurlHTTPTransport(version: version)
        limiter = RateLimiter(limit: configuration.withings.rateLimitPerMinute)
        oauth = OAuthClient(
            transport: transport, baseURL: configuration.withings.apiURL, limiter: limiter,
            clientID: configuration.withings.clientID, clientSecret: configuration.withings.clientSecret,
            now: DaemonAssembly.now)
    }

    /// The token manager of one account.
    func tokenManager(account: String, directory: StateDirectory) -> TokenManager {
        let oauth = self.oauth
        return TokenManager(
            account: account, storage: FileTokenStorage(directory: directory, account: account),
            now: DaemonAssembly.now,
            refresher: { try await oauth.refresh(refreshToken: $0) })
    }

    /// The Withings client of one account.
    func client(tokens: TokenManager) -> WithingsClient {
        WithingsClient(transport: transport, baseURL: configuration.withings.apiURL, limiter: limiter, tokens: tokens)
    }

    /// The authorizer for `auth` and `/oauth/callback`.
    func authorizer(directory: StateDirectory) -> Authorizer {
        Authorizer(
            oauth: oauth, redirectURI: configuration.withings.redirectURI, directory: directory,
            accounts: configuration.accounts.map(\.name), now: DaemonAssembly.now)
    }

    /// The broker options, with `offline` as the retained last will on `willTopic`.
    func mosquittoOptions(will willTopic: String) -> MosquittoOptions {
        let mqtt = configuration.mqtt
        let tls = mqtt.tls ? MosquittoTLS(caFile: mqtt.caFile, certFile: mqtt.certFile, keyFile: mqtt.keyFile) : nil
        return MosquittoOptions(
            host: mqtt.host, port: mqtt.port, clientID: mqtt.clientID, username: mqtt.username, password: mqtt.password,
            tls: tls, keepalive: mqtt.keepalive,
            will: MQTTMessage(topic: willTopic, string: "offline", qos: 1, retain: true),
            // Retry every second, not with a growing delay: retained states must be back within about a
            // second of the broker returning, however long it was away (a loopback/LAN retry is cheap).
            reconnectDelayMin: 1, reconnectDelayMax: 1)
    }
}
