import WithingsAPI

/// What the inbox hands notifications to: an account's worker (or a fake in tests).
public protocol WebhookRecipient: Sendable {
    /// The Withings user bound to the account, once authorised.
    var userID: Int64? { get async }
    /// Applies one notification for this account; `saved` is called once a crash can no longer lose it.
    func handle(_ notification: WebhookNotification, saved: @escaping @Sendable () -> Void) async
}

extension AccountWorker: WebhookRecipient {}
