import Foundation

extension Emulator {
    /// Posts `userid=…&appli=…[&startdate…]` to every callback the user subscribed for `appli`.
    func fireWebhook(_ input: JSONValue) async -> Result<JSONValue, ControlError> {
        let user: EmulatorUser
        switch resolveUser(input) {
        case .success(let found): user = found
        case .failure(let error): return .failure(error)
        }
        guard let appli = input["appli"]?.intValue else {
            return .failure(
                .invalid("'appli' is required (1 weight, 4 pressure, 16 activity, 44 sleep, 50 bed in, 51 bed out, …)"))
        }
        let form = webhookForm(user: user, appli: appli, input: input)
        let targets = state.withLock { state in
            state.subscriptions.filter { $0.userID == user.userID && $0.appli == Int(appli) }.map(\.callbackURL)
        }
        let deliveries = await deliver(form: form, to: targets)
        return .success([
            "userid": .int(user.userID), "appli": .int(appli), "body": .string(form),
            "deliveries": .array(deliveries.map(\.json)),
        ])
    }

    /// Posts the form to all `targets` in parallel and reports each outcome in `targets` order.
    func deliver(form: String, to targets: [String]) async -> [WebhookDelivery] {
        let client = client(timeout: settings.webhookTimeout)
        return await withTaskGroup(of: (Int, WebhookDelivery).self) { group in
            for (index, url) in targets.enumerated() {
                group.addTask {
                    let started = ContinuousClock.now
                    var delivery = WebhookDelivery(
                        callbackURL: url, httpStatus: nil, latencyMilliseconds: 0, error: nil)
                    do {
                        let response = try await client.send(
                            method: .POST, url: url,
                            headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8))
                        delivery.httpStatus = response.status
                    } catch {
                        delivery.error = "\(error)"
                    }
                    let elapsed = ContinuousClock.now - started
                    delivery.latencyMilliseconds =
                        Double(elapsed.components.seconds) * 1000
                        + Double(elapsed.components.attoseconds) / 1e15
                    return (index, delivery)
                }
            }
            var results: [(Int, WebhookDelivery)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The notification body; when no optional field is given, fills in what Withings would send for `appli`.
    private func webhookForm(user: EmulatorUser, appli: Int64, input: JSONValue) -> String {
        var fields: [String: String] = ["userid": String(user.userID), "appli": String(appli)]
        let optional = ["startdate", "enddate", "date", "deviceid", "action"]
        for key in optional {
            if let value = input[key] { fields[key] = value.stringValue ?? value.intValue.map(String.init) }
        }
        if !optional.contains(where: { input[$0] != nil }) {
            let now = nowEpoch
            switch appli {
            case 50, 51:
                fields["date"] = String(now)
                let mat = user.devices.first { $0["type"]?.stringValue == "Sleep Monitor" }
                if let device = mat?["deviceid"]?.stringValue { fields["deviceid"] = device }
            case 46:
                fields["action"] = "update"
            default:
                fields["startdate"] = String(now - 60)
                fields["enddate"] = String(now)
            }
        }
        // Withings puts userid and appli first; keep that order so captured bodies look alike.
        let order = ["userid", "appli"] + optional
        return FormParameters.encode(pairs: order.compactMap { key in fields[key].map { (key, $0) } })
    }
}
