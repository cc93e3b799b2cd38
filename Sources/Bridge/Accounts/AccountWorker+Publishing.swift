import MQTTDiscovery
import WithingsAPI

extension AccountWorker {
    var identity: AccountIdentity {
        AccountIdentity(name: settings.account, displayName: settings.displayName, userID: state.userID ?? 0)
    }

    /// Publishes discovery (changed configs only), every state, availability and diagnostics.
    func publishEverything() async {
        var messages: [MQTTMessage] = []
        if state.userID != nil {
            if let discovery = deps.discovery {
                let configs = discovery.configs(for: snapshot, account: identity)
                messages += discoveryCache.update(
                    scope: deps.layout.accountNode(userID: identity.userID), generated: configs)
            }
            messages += deps.states.messages(for: snapshot, account: identity)
        }
        messages.append(deps.states.availability(account: identity, online: online))
        messages.append(await diagnosticsMessage())
        await deps.publisher.apply(messages)
    }

    func publishDiagnostics() async {
        let message = await diagnosticsMessage()
        await deps.publisher.apply([message])
    }

    /// Publishes the diagnostics after a webhook at most once a second: the first of a burst at once, the rest
    /// folded into one message a second later. A burst of bed events otherwise sent as many diagnostics (each a
    /// JSON payload and a hop to the token manager) as events.
    func publishDiagnosticsThrottled() async {
        let now = monotonic.now
        if let last = lastDiagnosticsAt, now - last < Self.diagnosticsInterval {
            guard !diagnosticsPending else { return }
            diagnosticsPending = true
            let delay = Self.diagnosticsInterval - (now - last)
            Task {
                try? await Task.sleep(for: delay)
                await self.publishPendingDiagnostics()
            }
            return
        }
        lastDiagnosticsAt = now
        await publishDiagnostics()
    }

    private func publishPendingDiagnostics() async {
        diagnosticsPending = false
        lastDiagnosticsAt = monotonic.now
        await publishDiagnostics()
    }

    /// The shortest gap between two webhook-driven diagnostics messages.
    static let diagnosticsInterval = Duration.seconds(1)

    func setOnline(_ value: Bool) async {
        let label = value ? "online" : (state.userID == nil ? "not_authorized" : "offline")
        await deps.status?.account(settings.account, userID: state.userID, state: label)
        guard value != online else { return }
        online = value
        let message = deps.states.availability(account: identity, online: value)
        await deps.publisher.apply([message])
    }

    /// Records a bed event and publishes `in_bed` (and the mat's own `in_bed_<mat>`) before anything else;
    /// `saved` is called once the event is in the state file.
    func applyBedEvent(
        _ notification: WebhookNotification, receivedAt: Int64, saved: @escaping @Sendable () -> Void
    ) async {
        let eventDate = notification.date.flatMap { Int64($0) } ?? notification.startDate ?? receivedAt
        let device = notification.deviceID.flatMap { $0.isEmpty ? nil : $0 }
        let bed = BedState(
            inBed: notification.appli == 50, eventDate: eventDate, receivedAt: receivedAt, deviceID: device)
        let hadInBed = snapshot.hasSleepMat
        let matsBefore = snapshot.bedByDevice.count
        snapshot.bed = bed
        if let device { snapshot.bedByDevice[device] = bed }
        var messages: [MQTTMessage] = []
        if let discovery = deps.discovery, !hadInBed || snapshot.bedByDevice.count != matsBefore {
            let configs = discovery.configs(for: snapshot, account: identity)
            messages += discoveryCache.update(
                scope: deps.layout.accountNode(userID: identity.userID), generated: configs)
        }
        for entity in EntityPlanner.bedEntities(for: snapshot) {
            messages += deps.states.messages(for: entity.description, in: snapshot, account: identity)
        }
        messages.append(deps.events.message(deps.events.bed(bed), account: identity))
        await deps.publisher.apply(messages)
        logger.info("bed event", metadata: ["bed.in": "\(bed.inBed)", "bed.device": "\(bed.deviceID ?? "-")"])
        persistBed(written: saved)
        await publishDiagnosticsThrottled()
    }

    func emit(_ events: [JSONValue]) async {
        guard !events.isEmpty else { return }
        let messages = events.map { deps.events.message($0, account: identity) }
        await deps.publisher.apply(messages)
    }

    private func diagnosticsMessage() async -> MQTTMessage {
        let authState = online ? "authorized" : (state.userID == nil ? "not_authorized" : "reauthorization_required")
        let diagnostics = AccountDiagnostics(
            authState: authState,
            fixCommand: online ? nil : "withings2mqtt auth --account \(settings.account)",
            tokenExpiresAt: await deps.tokens.expiresAt, lastPoll: state.lastPoll, lastWebhook: state.lastWebhook,
            subscribedApplis: subscribedApplis, subscriptionsOK: subscriptionsOK, apiErrors: apiErrors,
            lastError: lastError)
        return MQTTMessage(
            topic: deps.layout.diagnostics(account: settings.account), payload: diagnostics.json.serializedBytes)
    }
}
