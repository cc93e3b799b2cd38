/// A known entity state, before it becomes a payload.
public enum StateValue: Sendable, Equatable {
    /// A number in the published unit.
    case number(Double)
    /// An enum word.
    case word(String)
    /// A binary state.
    case binary(Bool)

    /// The state payload: a plain number, an enum word, `ON` / `OFF`.
    public var payload: String {
        switch self {
        case .number(let value): NumberFormat.format(value)
        case .word(let word): word
        case .binary(let isOn): isOn ? "ON" : "OFF"
        }
    }

    /// What a state topic carries while the value is unknown (Home Assistant reads it as `unknown`).
    public static let unknownPayload = "None"
}
