/// Derives an independent random stream for each (entity, purpose) pair of a run.
///
/// A stream's seed depends only on the run seed and the stream's *names*, never on how many
/// other streams exist or in which order they were created:
///
/// ```
/// seed(run, entity, purpose) = mix( mix( mix(run) ^ fnv1a64(entity) ) ^ fnv1a64(purpose) )
/// ```
///
/// where `mix` is the SplitMix64 finaliser and `fnv1a64` the 64-bit FNV-1a hash of the UTF-8
/// name. The generator is xoshiro256** seeded from that value. Hence adding a machine (a new
/// entity) or a controller (a new purpose) leaves every other stream's draws unchanged, and two
/// variants of a scenario draw the same numbers for the same entities: common random numbers.
///
/// ```swift
/// let streams = RandomStreams(seed: 42)
/// var failures = streams.stream(entity: "press-3", purpose: "time-to-failure")
/// let u = failures.nextUnit()
/// ```
///
/// Replication `r` of a run uses `RandomStreams(seed: 42).replication(r)`, whose run seed is
/// `mix(mix(42) ^ fnv1a64("replication") ^ r)`, so replications are independent and each is
/// reproducible on its own, whatever the order or thread in which they run.
public struct RandomStreams: Sendable, Equatable {
    /// The seed of this run (or replication).
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// The streams of replication `index` (0-based) of the run with this seed.
    public func replication(_ index: Int) -> RandomStreams {
        precondition(index >= 0, "replication index must not be negative")
        let key = SplitMix64.mix(SplitMix64.mix(seed) ^ RandomStreams.fnv1a64("replication") ^ UInt64(index))
        return RandomStreams(seed: key)
    }

    /// The 64-bit seed of the stream for `entity` and `purpose`.
    public func streamSeed(entity: String, purpose: String) -> UInt64 {
        let perEntity = SplitMix64.mix(SplitMix64.mix(seed) ^ RandomStreams.fnv1a64(entity))
        return SplitMix64.mix(perEntity ^ RandomStreams.fnv1a64(purpose))
    }

    /// A fresh generator for `entity` (a stable name such as "weld-2") and `purpose`
    /// (such as "processing-time" or "time-to-failure").
    public func stream(entity: String, purpose: String) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: streamSeed(entity: entity, purpose: purpose))
    }

    /// The 64-bit FNV-1a hash of a string's UTF-8 bytes.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
