/// The Home Assistant component (platform) an entity is announced as.
public enum EntityComponent: String, Sendable, Equatable, CaseIterable {
    /// A read-only value.
    case sensor
    /// An on/off value (`in_bed`, bridge connectivity).
    case binarySensor = "binary_sensor"
}
