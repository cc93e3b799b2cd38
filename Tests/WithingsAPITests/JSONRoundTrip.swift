import Foundation

/// JSON encoding for storage round-trip tests.
enum JSONRoundTrip {
    static func encode<Value: Encodable>(_ value: Value) throws -> Data { try JSONEncoder().encode(value) }

    static func decode<Value: Decodable>(_ type: Value.Type, _ data: Data) throws -> Value {
        try JSONDecoder().decode(type, from: data)
    }
}
