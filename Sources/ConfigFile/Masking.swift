/// How secrets are shown anywhere a user can see them.
public enum Masking {
    /// Shown instead of every secret value.
    public static let mask = "********"
    /// Shown for a secret that is not set.
    public static let notSet = "(not set)"

    /// `********` when set, `(not set)` otherwise.
    public static func show(_ secret: String?) -> String {
        secret == nil ? notSet : mask
    }
}
