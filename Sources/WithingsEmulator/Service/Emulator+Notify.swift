import Foundation
import NIOHTTP1

extension Emulator {
    /// The applis Withings accepts on subscribe.
    static let knownApplis: Set<Int> = [1, 2, 4, 16, 44, 46, 50, 51, 52, 53, 54, 55, 58]

    /// `/notify` actions: subscribe (HEAD-checks the callback), list, get, revoke, update.
    func notify(userID: Int64, action: String?, parameters: FormParameters) async -> Result<JSONValue, WithingsFailure>
    {
        switch action {
        case "subscribe":
            guard let url = parameters["callbackurl"] else {
                return .failure(.invalidParams("callbackurl is required"))
            }
            guard let appli = parseAppli(parameters["appli"]) else {
                return .failure(.invalidParams("appli must be one of \(Self.knownApplis.sorted())"))
            }
            guard await callbackAnswersHead(url) else {
                return .failure(WithingsFailure(status: 293, message: "The callback URL is either absent or incorrect"))
            }
            state.withLock { state in
                let new = Subscription(userID: userID, appli: appli, callbackURL: url, comment: parameters["comment"])
                if let index = state.subscriptions.firstIndex(where: {
                    $0.userID == userID && $0.appli == appli && $0.callbackURL == url
                }) {
                    state.subscriptions[index] = new
                } else {
                    state.subscriptions.append(new)
                }
            }
            return .success(.object([:]))
        case "list":
            let appli = parameters["appli"].flatMap { Int($0) }
            let profiles = state.withLock { state in
                state.subscriptions.filter { $0.userID == userID && (appli == nil || $0.appli == appli) }
            }
            return .success(["profiles": .array(profiles.map(\.json))])
        case "get":
            guard let url = parameters["callbackurl"] else {
                return .failure(.invalidParams("callbackurl is required"))
            }
            let appli = parameters["appli"].flatMap { Int($0) } ?? 1
            let found = state.withLock { state in
                state.subscriptions.first { $0.userID == userID && $0.appli == appli && $0.callbackURL == url }
            }
            return found.map { .success($0.json) } ?? .failure(Self.noSubscription)
        case "revoke":
            guard let url = parameters["callbackurl"] else {
                return .failure(.invalidParams("callbackurl is required"))
            }
            let appli = parameters["appli"].flatMap { Int($0) }
            let removed = state.withLock { state in
                let before = state.subscriptions.count
                state.subscriptions.removeAll {
                    $0.userID == userID && $0.callbackURL == url && (appli == nil || $0.appli == appli)
                }
                return before - state.subscriptions.count
            }
            return removed > 0 ? .success(.object([:])) : .failure(Self.noSubscription)
        case "update":
            return await update(userID: userID, parameters: parameters)
        default:
            return .failure(.unknownAction(action, path: "/notify"))
        }
    }

    private static let noSubscription = WithingsFailure(
        status: 343, message: "No notification subscription matches this callbackurl and appli")

    private func update(userID: Int64, parameters: FormParameters) async -> Result<JSONValue, WithingsFailure> {
        guard let url = parameters["callbackurl"], let appli = parseAppli(parameters["appli"]) else {
            return .failure(.invalidParams("callbackurl and appli are required"))
        }
        let newURL = parameters["new_callbackurl"] ?? url
        guard let newAppli = parseAppli(parameters["new_appli"] ?? String(appli)) else {
            return .failure(.invalidParams("new_appli is not a known appli"))
        }
        if newURL != url, !(await callbackAnswersHead(newURL)) {
            return .failure(WithingsFailure(status: 293, message: "The callback URL is either absent or incorrect"))
        }
        let updated = state.withLock { state in
            guard
                let index = state.subscriptions.firstIndex(where: {
                    $0.userID == userID && $0.appli == appli && $0.callbackURL == url
                })
            else { return false }
            state.subscriptions[index].callbackURL = newURL
            state.subscriptions[index].appli = newAppli
            if let comment = parameters["comment"] { state.subscriptions[index].comment = comment }
            return true
        }
        return updated ? .success(.object([:])) : .failure(Self.noSubscription)
    }

    private func parseAppli(_ text: String?) -> Int? {
        guard let text, let appli = Int(text), Self.knownApplis.contains(appli) else { return nil }
        return appli
    }

    /// Whether `url` answers a HEAD request with 2xx in time, which Withings requires before subscribing.
    func callbackAnswersHead(_ url: String) async -> Bool {
        guard let response = try? await client(timeout: settings.callbackCheckTimeout).send(method: .HEAD, url: url)
        else { return false }
        return (200..<300).contains(response.status)
    }
}
