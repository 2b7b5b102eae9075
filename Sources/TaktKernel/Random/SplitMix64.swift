/// SplitMix64 (Steele, Lea and Flood 2014): a 64-bit generator used here to seed xoshiro and,
/// through `mix`, as the bijective finaliser that derives stream seeds.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state; each draw adds the golden-ratio increment.
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a bijection of 64-bit words with full avalanche.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
