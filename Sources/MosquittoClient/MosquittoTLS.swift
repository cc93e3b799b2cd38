/// TLS settings of a broker connection.
///
/// With neither `caFile` nor `caPath` the operating system's CA store is used.
public struct MosquittoTLS: Sendable, Equatable {
    /// PEM file with the CA certificate(s) that signed the broker's certificate.
    public var caFile: String?
    /// Directory of hashed PEM CA certificates (`openssl rehash`).
    public var caPath: String?
    /// PEM client certificate, for brokers that require one; needs `keyFile`.
    public var certFile: String?
    /// PEM private key of `certFile` (unencrypted).
    public var keyFile: String?
    /// Skips the check that the certificate names `host`. For tests only: it allows man-in-the-middle attacks.
    public var insecureSkipHostnameCheck: Bool

    /// Creates TLS settings.
    public init(
        caFile: String? = nil, caPath: String? = nil, certFile: String? = nil, keyFile: String? = nil,
        insecureSkipHostnameCheck: Bool = false
    ) {
        self.caFile = caFile
        self.caPath = caPath
        self.certFile = certFile
        self.keyFile = keyFile
        self.insecureSkipHostnameCheck = insecureSkipHostnameCheck
    }

    /// Whether the operating system's CA store is used (no `caFile`, no `caPath`).
    public var usesSystemCertificates: Bool { caFile == nil && caPath == nil }
}
