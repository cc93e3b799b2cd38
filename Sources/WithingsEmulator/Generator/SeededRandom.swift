/// A SplitMix64 generator: fast and deterministic for a given seed, so generated histories are repeatable.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    /// A value around `mean` with roughly normal spread `deviation` (sum of uniforms, no tails).
    public mutating func around(_ mean: Double, _ deviation: Double) -> Double {
        let sum = (0..<4).reduce(0.0) { total, _ in total + Double.random(in: -1...1, using: &self) }
        return mean + sum / 2 * deviation
    }

    /// A 40-character hex id like Withings `deviceid`.
    public mutating func hexID() -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<40).map { _ in digits[Int(next() % 16)] })
    }
}
