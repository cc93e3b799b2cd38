/// The unguessable path segment of the callback URL: from the configuration, or generated once and kept in
/// `<state_dir>/webhook-secret` so the subscriptions Withings holds stay valid across restarts.
public enum WebhookSecret {
    /// The configured secret, else the stored one, else a new one that is stored first.
    public static func resolve(configured: String?, directory: StateDirectory) throws -> String {
        if let configured, !configured.isEmpty { return configured }
        let file = directory.file(named: "webhook-secret")
        if let bytes = try file.read() {
            let stored = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
            if stored.count >= 16 { return stored }
        }
        let secret = generate()
        try file.write(Array(secret.utf8))
        return secret
    }

    /// 32 random characters from the URL-safe alphabet.
    public static func generate() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
