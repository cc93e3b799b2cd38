import FoundationEssentials
import WithingsAPI

/// One fuzz input fed to every parser that reads untrusted bytes: the webhook form parser and the Withings
/// JSON decoders (the envelope of every body the daemon reads, and the bare item types).
///
/// The first byte picks the target so that one corpus and one run cover all of them; the rest is the input.
enum FuzzInput {
    /// Runs one input; every outcome is either a value or a typed error, anything else crashes the process.
    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let input = Array(bytes.dropFirst())
        let response = TransportResponse(status: 200, body: input)
        switch selector % 12 {
        case 0: _ = try? WebhookNotification.parse(formBody: input)
        case 1: _ = try? WithingsResponseDecoder.decode(WithingsPage<MeasureGroup>.self, from: response)
        case 2: _ = try? WithingsResponseDecoder.decode(WithingsPage<SleepSummary>.self, from: response)
        case 3: _ = try? WithingsResponseDecoder.decode(WithingsPage<ActivityDay>.self, from: response)
        case 4: _ = try? WithingsResponseDecoder.decode(WithingsPage<Workout>.self, from: response)
        case 5: _ = try? WithingsResponseDecoder.decode(GoalsBody.self, from: response)
        case 6: _ = try? WithingsResponseDecoder.decode(DevicesBody.self, from: response)
        case 7: _ = try? WithingsResponseDecoder.decode(TokenBody.self, from: response)
        case 8: _ = try? WithingsResponseDecoder.decode(SubscriptionsBody.self, from: response)
        case 9: _ = try? WithingsResponseDecoder.decodeJSON([MeasureGroup].self, from: input)
        case 10: _ = try? WithingsResponseDecoder.decodeJSON([SleepSummary].self, from: input)
        default: _ = try? WithingsResponseDecoder.decode(EmptyBody.self, from: response)
        }
    }
}
