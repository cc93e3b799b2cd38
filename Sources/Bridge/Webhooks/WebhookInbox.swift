import Logging
import ServiceLifecycle
import WithingsAPI

/// The inbox between the webhook server and the workers: notifications go in from any thread without
/// waiting, and come out in arrival order to the worker of their `userid`.
///
/// One ordered queue, so a bed-in quickly followed by a bed-out can never be applied the other way round.
/// Unknown user ids are logged and dropped.
public struct WebhookInbox: Service {
    private struct Delivery: Sendable {
        let notification: WebhookNotification
        let applied: @Sendable () -> Void
    }

    private let workers: [any WebhookRecipient]
    private let stream: AsyncStream<Delivery>
    private let continuation: AsyncStream<Delivery>.Continuation
    private let logger: Logger

    /// Creates a router over the workers; `capacity` bounds the queue (the newest are kept).
    public init(workers: [any WebhookRecipient], logger: Logger, capacity: Int = 4096) {
        self.workers = workers
        self.logger = logger
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(capacity))
    }

    /// Queues a notification; returns at once (called on the HTTP server's event loop). `applied` is called once
    /// its worker has applied and saved it (or it was dropped for an unknown user); not for one dropped from a
    /// full queue.
    public func submit(_ notification: WebhookNotification, applied: @escaping @Sendable () -> Void = {}) {
        continuation.yield(Delivery(notification: notification, applied: applied))
    }

    /// Delivers queued notifications until graceful shutdown; what is queued by then is still delivered.
    public func run() async throws {
        // Not `cancelOnGracefulShutdown()`: it merges every notification with the shutdown signal (an eighth of
        // a burst's CPU time) and drops what is still queued.
        await withGracefulShutdownHandler {
            await deliver()
        } onGracefulShutdown: { [continuation] in
            continuation.finish()
        }
    }

    private func deliver() async {
        var byUser: [Int64: any WebhookRecipient] = [:]
        for await delivery in stream {
            let notification = delivery.notification
            var worker = byUser[notification.userID]
            if worker == nil {
                byUser = await lookup()
                worker = byUser[notification.userID]
            }
            guard let worker else {
                logger.warning(
                    "webhook for an unknown Withings user dropped",
                    metadata: ["webhook.userid": "\(notification.userID)", "webhook.appli": "\(notification.appli)"])
                delivery.applied()
                continue
            }
            await worker.handle(notification, saved: delivery.applied)
        }
    }

    private func lookup() async -> [Int64: any WebhookRecipient] {
        var result: [Int64: any WebhookRecipient] = [:]
        for worker in workers {
            if let userID = await worker.userID { result[userID] = worker }
        }
        return result
    }
}
