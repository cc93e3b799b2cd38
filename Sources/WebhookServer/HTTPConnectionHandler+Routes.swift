import Logging
import NIOCore
import NIOHTTP1
import WithingsAPI

extension HTTPConnectionHandler {
    /// Answers a complete request according to its route.
    func answer(context: ChannelHandlerContext, request: PendingRequest) {
        let head = request.head
        switch request.route {
        case .webhookCheck:
            respond(context: context, head: head, .text(.ok, "ok\n"))
        case .webhookNotification:
            answerNotification(context: context, request: request)
        case .oauthCallback(let query):
            answerOAuthCallback(context: context, head: head, query: query)
        case .health:
            respond(context: context, head: head, .text(.ok, "ok\n"))
        case .methodNotAllowed(let allow):
            var response = WebhookResponse.text(.methodNotAllowed, "method not allowed\n")
            response.headers.add(name: "allow", value: allow)
            respond(context: context, head: head, response)
        case .notFound:
            environment.logger.debug("unknown path or wrong secret", metadata: ["http.method": "\(head.method)"])
            respond(context: context, head: head, .text(.notFound, "not found\n"))
        case .badQuery:
            respond(context: context, head: head, .text(.badRequest, "malformed query string\n"))
        }
    }

    private func answerNotification(context: ChannelHandlerContext, request: PendingRequest) {
        let head = request.head
        if let type = head.headers.first(name: "content-type"),
            !type.lowercased().hasPrefix("application/x-www-form-urlencoded")
        {
            respond(
                context: context, head: head,
                .text(.unsupportedMediaType, "expected application/x-www-form-urlencoded\n"))
            return
        }
        let body = request.body.map { Array($0.readableBytesView) } ?? []
        let notification: WebhookNotification
        do {
            notification = try WebhookNotification.parse(formBody: body)
        } catch {
            environment.logger.warning("malformed webhook body", metadata: ["webhook.error": "\(error)"])
            respond(context: context, head: head, .text(.badRequest, "malformed notification: \(error)\n"))
            return
        }
        environment.logger.info(
            "webhook notification received",
            metadata: ["webhook.appli": "\(notification.appli)", "webhook.userid": "\(notification.userID)"])
        // Queued before the answer, so a sender that waits for each answer and sends the next event on another
        // connection (another event loop) cannot overtake this one (in_bed ON, then OFF, applied the other way
        // round). Answered once the bridge has applied it, or after `answerDeadline` at the latest: a crash
        // before it is applied leaves it unanswered, so Withings sends it again, and a burst cannot run ahead of
        // the bridge by more than one event per connection.
        let applied = context.eventLoop.makePromise(of: Void.self)
        environment.onNotification(notification) { applied.succeed() }
        let deadline = context.eventLoop.scheduleTask(in: Self.answerDeadline) { applied.succeed() }
        applied.futureResult.assumeIsolated().whenSuccess {
            deadline.cancel()
            self.respond(context: context, head: head, .json(.ok, #"{"status":0}"#))
        }
    }

    /// The longest a notification's 200 waits for the bridge to apply it; Withings allows 2 s.
    static let answerDeadline = TimeAmount.seconds(1)

    private func answerOAuthCallback(context: ChannelHandlerContext, head: HTTPRequestHead, query: [String: String]) {
        if let error = query["error"] {
            let message = "Withings reported \"\(error)\". Run withings2mqtt auth again to retry."
            respond(
                context: context, head: head,
                .html(.badRequest, OAuthCallbackPage.render(title: "Login failed", message: message)))
            return
        }
        guard let code = query["code"], !code.isEmpty, let state = query["state"], !state.isEmpty else {
            let message = "The link is missing its code or state. Open the authorize URL printed by withings2mqtt auth."
            respond(
                context: context, head: head,
                .html(.badRequest, OAuthCallbackPage.render(title: "Missing parameters", message: message)))
            return
        }
        let callback = environment.onOAuthCallback
        let promise = context.eventLoop.makePromise(of: OAuthCallbackOutcome.self)
        promise.completeWithTask { await callback(code, state) }
        promise.futureResult.assumeIsolated().whenSuccess { outcome in
            switch outcome {
            case .success(let message):
                self.respond(
                    context: context, head: head,
                    .html(.ok, OAuthCallbackPage.render(title: "Login complete", message: message)))
            case .failure(let message):
                self.respond(
                    context: context, head: head,
                    .html(.badRequest, OAuthCallbackPage.render(title: "Login failed", message: message)))
            }
        }
    }
}
