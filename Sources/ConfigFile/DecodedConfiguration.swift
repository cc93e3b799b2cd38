/// What the YAML file says, with defaults filled in, before secrets are resolved and values validated.
struct DecodedConfiguration {
    /// The configuration; secrets still empty.
    var configuration: Configuration
    /// `mqtt.password` / `password_file`.
    var mqttPassword = RawSecret(
        valuePath: "mqtt.password", filePath: "mqtt.password_file", variable: ConfigurationSchema.mqttPasswordVariable)
    /// `withings.client_secret` / `client_secret_file`.
    var clientSecret = RawSecret(
        valuePath: "withings.client_secret", filePath: "withings.client_secret_file",
        variable: ConfigurationSchema.clientSecretVariable)
    /// `webhook.secret` / `secret_file`.
    var webhookSecret = RawSecret(
        valuePath: "webhook.secret", filePath: "webhook.secret_file",
        variable: ConfigurationSchema.webhookSecretVariable)
}
