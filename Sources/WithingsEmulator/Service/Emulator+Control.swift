import Foundation

extension Emulator {
    /// `/_emulator/…` control endpoints (JSON in and out), documented in docs/EMULATOR.md.
    func handleControl(_ request: EmulatorRequest) async -> EmulatorResponse {
        let input: JSONValue
        if request.body.isEmpty {
            input = .object(request.query.values.mapValues { JSONValue.string($0) })
        } else if let parsed = try? JSONValue.parse(Data(request.body)), parsed.objectValue != nil {
            input = parsed
        } else {
            return .json(["error": "the body must be a JSON object"], status: 400)
        }
        let route = "\(request.method) \(request.path)"
        let result: Result<JSONValue, ControlError>
        switch route {
        case "GET /_emulator/health": result = .success(["status": "ok", "users": .int(Int64(users.count))])
        case "GET /_emulator/users": result = .success(listUsers())
        case "POST /_emulator/measurements": result = addMeasurement(input)
        case "POST /_emulator/sleep": result = addSleepSummary(input)
        case "POST /_emulator/activity": result = upsertActivity(input)
        case "POST /_emulator/webhooks": result = await fireWebhook(input)
        case "GET /_emulator/subscriptions": result = .success(listSubscriptions())
        case "GET /_emulator/faults": result = .success(listFaults())
        case "POST /_emulator/faults": result = addFault(input)
        case "DELETE /_emulator/faults", "POST /_emulator/faults/clear":
            state.withLock { $0.faults.removeAll() }
            result = .success(listFaults())
        case "POST /_emulator/tokens/expire": result = changeTokens(input, revoke: false)
        case "POST /_emulator/tokens/revoke": result = changeTokens(input, revoke: true)
        case "GET /_emulator/config": result = .success(currentConfig())
        case "POST /_emulator/config": result = changeConfig(input)
        case "GET /_emulator/requests": result = .success(state.withLock { $0.counters.json })
        case "DELETE /_emulator/requests", "POST /_emulator/requests/reset":
            result = .success(
                state.withLock { state in
                    state.counters = RequestCounters()
                    return state.counters.json
                })
        default: result = .failure(.notFound(route))
        }
        switch result {
        case .success(let value): return .json(value)
        case .failure(let error): return .json(["error": .string(error.message)], status: error.httpStatus)
        }
    }

    /// Finds the user named by `userid` or `user` (id or name); the first user when neither is given.
    func resolveUser(_ input: JSONValue) -> Result<EmulatorUser, ControlError> {
        let given = input["userid"] ?? input["user"]
        let users = self.users
        guard let given else {
            return users.first.map { .success($0) } ?? .failure(.unknownUser("(none configured)"))
        }
        let text = given.stringValue ?? given.intValue.map(String.init) ?? ""
        if let user = users.first(where: { String($0.userID) == text || $0.name == text }) { return .success(user) }
        return .failure(.unknownUser(text))
    }

    private func listUsers() -> JSONValue {
        let entries = users.map { user -> JSONValue in
            [
                "userid": .int(user.userID), "name": .string(user.name), "timezone": .string(user.timezone),
                "measure_groups": .int(Int64(user.measureGroups.count)),
                "sleep_summaries": .int(Int64(user.sleepSummaries.count)),
                "activity_days": .int(Int64(user.activities.count)), "workouts": .int(Int64(user.workouts.count)),
                "devices": .array(user.devices.map { ["type": $0["type"] ?? .null, "model": $0["model"] ?? .null] }),
            ]
        }
        return ["users": .array(entries)]
    }

    private func listSubscriptions() -> JSONValue {
        let all = state.withLock { $0.subscriptions }
        return ["subscriptions": .array(all.map { $0.json.setting("userid", to: .int($0.userID)) })]
    }

    private func listFaults() -> JSONValue {
        ["faults": .array(state.withLock { $0.faults }.map(\.json))]
    }

    private func addFault(_ input: JSONValue) -> Result<JSONValue, ControlError> {
        FaultRule.parse(input).map { rule in
            state.withLock { $0.faults.append(rule) }
            return listFaults()
        }
    }

    private func changeTokens(_ input: JSONValue, revoke: Bool) -> Result<JSONValue, ControlError> {
        resolveUser(input).map { user in
            let now = clock()
            let changed = state.withLock { state in
                revoke
                    ? state.tokens.revokeAll(userID: user.userID)
                    : state.tokens.expireAccessTokens(userID: user.userID, now: now)
            }
            return ["userid": .int(user.userID), "tokens": .int(Int64(changed))]
        }
    }

    private func currentConfig() -> JSONValue {
        state.withLock { state in
            [
                "refresh_grace_seconds": .double(state.tokens.refreshGrace),
                "access_token_lifetime_seconds": .int(state.tokens.accessTokenLifetime),
                "code_lifetime_seconds": .double(state.tokens.codeLifetime),
                "page_size": .int(Int64(state.pageSize)),
            ]
        }
    }

    private func changeConfig(_ input: JSONValue) -> Result<JSONValue, ControlError> {
        let grace = input["refresh_grace_seconds"]
        let lifetime = input["access_token_lifetime_seconds"]
        let codeLifetime = input["code_lifetime_seconds"]
        let pageSize = input["page_size"]
        if let grace, (grace.doubleValue ?? -1) < 0 { return .failure(.invalid("refresh_grace_seconds must be >= 0")) }
        if let lifetime, (lifetime.intValue ?? 0) <= 0 {
            return .failure(.invalid("access_token_lifetime_seconds must be a positive whole number"))
        }
        if let codeLifetime, (codeLifetime.doubleValue ?? -1) < 0 {
            return .failure(.invalid("code_lifetime_seconds must be >= 0"))
        }
        if let pageSize, (pageSize.intValue ?? 0) <= 0 {
            return .failure(.invalid("page_size must be a positive whole number"))
        }
        state.withLock { state in
            if let value = grace?.doubleValue { state.tokens.refreshGrace = value }
            if let value = lifetime?.intValue { state.tokens.accessTokenLifetime = value }
            if let value = codeLifetime?.doubleValue { state.tokens.codeLifetime = value }
            if let value = pageSize?.intValue { state.pageSize = Int(value) }
        }
        return .success(currentConfig())
    }
}
