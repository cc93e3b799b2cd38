import Foundation

extension Emulator {
    /// Data and notify endpoints: counts the request, applies a pending fault, checks the token, answers.
    func handleData(_ request: EmulatorRequest) async -> EmulatorResponse {
        let parameters = request.parameters
        let action = parameters["action"]
        let token = request.accessToken
        let fault = state.withLock { state -> FaultKind? in
            let owner = token.flatMap { state.tokens.owner(ofAccessToken: $0) }
            state.counters.record(path: request.path, action: action, userID: owner)
            return state.takeFault(path: request.path, action: action)
        }
        switch fault {
        case .status(let status):
            return .withingsError(status, "Injected fault: status \(status)")
        case .httpStatus(let status):
            let page = "<html><body><h1>\(status)</h1>injected by withings-emulator</body></html>"
            return EmulatorResponse(status: status, headers: ["Content-Type": "text/html"], body: Array(page.utf8))
        case .malformed:
            let text = "{status: 0, body: {measuregrps: [<html>"
            return EmulatorResponse(status: 200, headers: ["Content-Type": "application/json"], body: Array(text.utf8))
        case .delay(let milliseconds):
            try? await Task.sleep(for: .milliseconds(milliseconds))
        case .truncated, nil:
            break
        }
        var response = await answerData(request, parameters: parameters, action: action, token: token)
        if fault == .truncated {
            response.body = Array(response.body.prefix(max(1, response.body.count / 2)))
        }
        return response
    }

    private func answerData(
        _ request: EmulatorRequest, parameters: FormParameters, action: String?, token: String?
    ) async -> EmulatorResponse {
        let now = clock()
        let found = state.withLock { state -> (EmulatorUser, Int)? in
            guard let token, let userID = state.tokens.authenticate(accessToken: token, now: now),
                let index = state.userIndex(userID)
            else { return nil }
            return (state.users[index], state.pageSize)
        }
        guard let (user, pageSize) = found else { return WithingsFailure.invalidToken.response }
        let result: Result<JSONValue, WithingsFailure>
        switch (request.path, action) {
        case ("/measure", "getmeas"):
            result = DataQueries.getmeas(user: user, parameters: parameters, now: nowEpoch, pageSize: pageSize)
        case ("/v2/measure", "getactivity"):
            result = DataQueries.getactivity(user: user, parameters: parameters, pageSize: pageSize)
        case ("/v2/measure", "getworkouts"):
            result = DataQueries.getworkouts(user: user, parameters: parameters, pageSize: pageSize)
        case ("/v2/sleep", "getsummary"):
            result = DataQueries.getsummary(user: user, parameters: parameters, pageSize: pageSize)
        case ("/v2/user", "getgoals"):
            result = .success(DataQueries.getgoals(user: user))
        case ("/v2/user", "getdevice"):
            result = .success(DataQueries.getdevice(user: user))
        case ("/notify", _):
            result = await notify(userID: user.userID, action: action, parameters: parameters)
        default:
            result = .failure(.unknownAction(action, path: request.path))
        }
        switch result {
        case .success(let body): return .withings(body)
        case .failure(let failure): return failure.response
        }
    }
}
