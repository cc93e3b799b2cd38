import Foundation

extension Emulator {
    /// `GET /oauth2_user/authorize2`: skips the login page and redirects with a code and the state.
    func authorize(_ request: EmulatorRequest) -> EmulatorResponse {
        let query = request.parameters
        guard query["response_type"] == "code" else {
            return .text("response_type must be 'code'\n", status: 400)
        }
        guard let clientID = query["client_id"] else { return .text("client_id is required\n", status: 400) }
        if let expected = settings.clientID, expected != clientID {
            return .text("unknown client_id; start the emulator with the same --client-id\n", status: 400)
        }
        guard let redirect = query["redirect_uri"], var components = URLComponents(string: redirect),
            components.scheme != nil
        else { return .text("redirect_uri is required and must be an absolute URL\n", status: 400) }
        let scope = query["scope"] ?? "user.info,user.metrics,user.activity"
        let now = clock()
        let issued: (code: String, userID: Int64)? = state.withLock { state in
            guard !state.users.isEmpty else { return nil }
            let user: EmulatorUser
            if let wanted = query["userid"] {
                guard let match = state.users.first(where: { String($0.userID) == wanted || $0.name == wanted })
                else { return nil }
                user = match
            } else {
                user = state.users[state.authorizations % state.users.count]
                state.authorizations += 1
            }
            state.counters.record(path: request.path, action: nil, userID: user.userID)
            return (
                state.tokens.issueCode(userID: user.userID, redirectURI: redirect, scope: scope, now: now),
                user.userID
            )
        }
        guard let issued else {
            return .text("no such user; GET /_emulator/users lists the user ids\n", status: 400)
        }
        var items = components.queryItems ?? []
        items.append(URLQueryItem(name: "code", value: issued.code))
        if let stateValue = query["state"] { items.append(URLQueryItem(name: "state", value: stateValue)) }
        components.queryItems = items
        return .redirect(to: components.string ?? redirect)
    }

    /// `POST /v2/oauth2 action=requesttoken`: exchanges a code or rotates a refresh token.
    func token(_ request: EmulatorRequest) -> EmulatorResponse {
        let parameters = request.parameters
        let action = parameters["action"]
        let now = clock()
        if request.path == "/v2/oauth2", action != "requesttoken" {
            state.withLock { $0.counters.record(path: request.path, action: action, userID: nil) }
            return WithingsFailure.unknownAction(action, path: request.path).response
        }
        if let expected = settings.clientID, parameters["client_id"] != expected {
            return recordToken(
                request, action, .failure(WithingsFailure(status: 503, message: "Invalid Params: invalid client_id")))
        }
        if let expected = settings.clientSecret, parameters["client_secret"] != expected {
            return recordToken(
                request, action,
                .failure(WithingsFailure(status: 503, message: "Invalid Params: invalid client_secret")))
        }
        let result: Result<TokenGrant, TokenRefusal>
        switch parameters["grant_type"] {
        case "authorization_code":
            guard let code = parameters["code"] else {
                return recordToken(request, action, .failure(.invalidParams("code is required")))
            }
            result = state.withLock { $0.tokens.redeem(code: code, redirectURI: parameters["redirect_uri"], now: now) }
        case "refresh_token":
            guard let refresh = parameters["refresh_token"] else {
                return recordToken(request, action, .failure(.invalidParams("refresh_token is required")))
            }
            result = state.withLock { $0.tokens.refresh(token: refresh, now: now) }
        default:
            return recordToken(
                request, action, .failure(.invalidParams("grant_type must be authorization_code or refresh_token")))
        }
        return recordToken(request, action, result.mapError { WithingsFailure(status: $0.status, message: $0.message) })
    }

    private func recordToken(
        _ request: EmulatorRequest, _ action: String?, _ result: Result<TokenGrant, WithingsFailure>
    ) -> EmulatorResponse {
        let userID = try? result.get().userID
        state.withLock { $0.counters.record(path: request.path, action: action, userID: userID) }
        switch result {
        case .success(let grant): return .withings(grant.body)
        case .failure(let failure): return failure.response
        }
    }
}
