/// Facts about this build.
enum BuildInfo {
    /// The release version, also sent as `User-Agent` and in discovery `origin.sw_version`.
    static let version = "0.1.0"
    /// Where users report problems; discovery `origin.support_url`.
    static let supportURL = "https://github.com/withings2mqtt/withings2mqtt"
}
