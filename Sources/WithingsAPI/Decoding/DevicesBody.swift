/// The body of `v2/user getdevice`.
public struct DevicesBody: Decodable, Sendable, Equatable {
    /// The user's devices.
    public var devices: [Device]

    private enum CodingKeys: String, CodingKey {
        case devices
    }

    /// Decodes `{"devices": [...]}`; a missing list is no devices.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        devices = try container.decodeIfPresent([Device].self, forKey: .devices) ?? []
    }
}
