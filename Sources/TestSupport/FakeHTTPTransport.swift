import Locking
import WithingsAPI

/// An `HTTPTransport` that answers from a script and records every request, for tests.
///
/// Answers are taken in order; when the script runs out, `fallback` answers (by default a transport error
/// saying so, which makes an unexpected extra request fail the test visibly).
public final class FakeHTTPTransport: HTTPTransport {
    /// One scripted answer.
    public enum Reply: Sendable {
        /// Answer with this response.
        case response(TransportResponse)
        /// Fail with this transport error.
        case failure(TransportError)

        /// HTTP 200 with this body.
        public static func ok(_ body: [UInt8]) -> Reply { .response(TransportResponse(status: 200, body: body)) }

        /// HTTP 200 with this UTF-8 body.
        public static func ok(_ body: String) -> Reply { .ok(Array(body.utf8)) }

        /// HTTP 200 with a Withings envelope of `status`, an empty body and an error text.
        public static func withingsStatus(_ status: Int, error: String = "test error") -> Reply {
            .ok("{\"status\":\(status),\"body\":{},\"error\":\"\(error)\"}")
        }
    }

    private struct State {
        var script: [Reply]
        var requests: [TransportRequest] = []
    }

    private let state: Locked<State>
    private let fallback: @Sendable (TransportRequest) -> Reply

    /// Creates a transport that gives `script` in order, then `fallback`.
    public init(
        _ script: [Reply] = [],
        fallback: @escaping @Sendable (TransportRequest) -> Reply = { request in
            .failure(TransportError(kind: .other, message: "FakeHTTPTransport: no scripted reply for \(request.url)"))
        }
    ) {
        self.state = Locked(State(script: script))
        self.fallback = fallback
    }

    /// Appends replies to the script.
    public func enqueue(_ replies: Reply...) {
        state.withLock { $0.script.append(contentsOf: replies) }
    }

    /// Every request sent so far, in order.
    public var requests: [TransportRequest] {
        state.withLock { $0.requests }
    }

    /// How many replies are still scripted.
    public var remainingReplies: Int {
        state.withLock { $0.script.count }
    }

    /// Records `request` and answers with the next scripted reply.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let reply = state.withLock { state -> Reply? in
            state.requests.append(request)
            return state.script.isEmpty ? nil : state.script.removeFirst()
        }
        switch reply ?? fallback(request) {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }
}

extension TransportRequest {
    /// The form fields of the body, decoded (`action` included); empty when there is no form body.
    public var formFields: [String: String] {
        guard let body, let pairs = try? FormURLEncoding.decode(body) else { return [:] }
        var fields: [String: String] = [:]
        for pair in pairs { fields[pair.name] = pair.value }
        return fields
    }
}
