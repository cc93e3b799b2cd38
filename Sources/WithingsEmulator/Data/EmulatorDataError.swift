/// Why a data directory or generator spec could not be used.
public enum EmulatorDataError: Error, Equatable, CustomStringConvertible {
    /// A data directory does not exist.
    case missingDirectory(String)
    /// A file is not JSON of the expected shape.
    case unreadableFile(path: String, reason: String)
    /// `--generate` was not of the form `users=N,years=Y`.
    case invalidGeneratorSpec(String)

    /// A readable explanation with the fix.
    public var description: String {
        switch self {
        case .missingDirectory(let path):
            return
                "data directory \(path) does not exist; pass a folder laid out like fixtures/withings/homeassistant-2024.1"
        case .unreadableFile(let path, let reason):
            return
                "cannot read \(path): \(reason); it must hold a Withings body fragment (array or object) or a full {\"status\":0,\"body\":…} envelope"
        case .invalidGeneratorSpec(let spec):
            return
                "invalid --generate value '\(spec)'; use users=N,years=Y with positive whole numbers, e.g. users=2,years=10"
        }
    }
}
