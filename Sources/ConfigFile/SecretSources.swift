/// Where each of the configuration's secrets came from.
public struct SecretSources: Sendable, Equatable {
    /// `mqtt.password`.
    public var mqttPassword: SecretSource
    /// `withings.client_secret`.
    public var clientSecret: SecretSource
    /// `webhook.secret`.
    public var webhookSecret: SecretSource

    /// Creates the sources; all default to `.notSet`.
    public init(
        mqttPassword: SecretSource = .notSet, clientSecret: SecretSource = .notSet,
        webhookSecret: SecretSource = .notSet
    ) {
        self.mqttPassword = mqttPassword
        self.clientSecret = clientSecret
        self.webhookSecret = webhookSecret
    }
}
