/// A message already handed to the connection, in order, whose broker acknowledgement can be awaited later.
///
/// Splitting the hand-off from the wait lets one task queue many messages in a fixed order while other tasks
/// wait for their PUBACKs; two updates of one retained topic then reach the broker in the order they were made.
public struct MQTTPendingPublish: Sendable {
    private let wait: @Sendable () async throws -> Void

    /// Creates a pending publish whose acknowledgement `wait` awaits.
    public init(wait: @escaping @Sendable () async throws -> Void) {
        self.wait = wait
    }

    /// Returns once the broker acknowledged the message (at once for QoS 0); throws what the publish would have.
    public func acknowledged() async throws {
        try await wait()
    }
}
