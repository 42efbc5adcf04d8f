import AnnoTestSupport
/// A tiny deterministic random generator (SplitMix64) for seeded property and fuzz tests: a failure names its seed
/// and reproduces exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state; the next output depends only on it.
    public var state: UInt64

    /// Starts from `seed`.
    public init(seed: UInt64) { state = seed }

    /// Starts from a raw state (the same as `init(seed:)`).
    public init(state: UInt64) { self.state = state }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
