import WithingsAPI

/// What the inbox hands notifications to: an account's worker (or a fake in tests).
public protocol WebhookRecipient: Sendable {
    /// The Withings user bound to the account, once authorised.
    var userID: Int64? { get async }
    /// Applies one notification for this account.
    func handle(_ notification: WebhookNotification) async
}

extension AccountWorker: WebhookRecipient {}
