#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// xoshiro256** 1.0 (Blackman & Vigna), seeded through splitmix64.
struct Xoshiro256StarStar {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    mutating func next() -> UInt64 {
        let result = Xoshiro256StarStar.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = Xoshiro256StarStar.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Exponential with the given mean (inversion; 1 - u is in (0, 1]).
    mutating func exponential(mean: Double) -> Double {
        -mean * log(1.0 - uniform())
    }
}

enum Distribution: String, CaseIterable {
    case exp, uniform, bimodal

    var label: String {
        switch self {
        case .exp: return "exponential(mean 1)"
        case .uniform: return "uniform(0, 2)"
        case .bimodal: return "bimodal 90% U(0,0.1) + 10% U(0,100)"
        }
    }

    func sample(_ r: inout Xoshiro256StarStar) -> Double {
        switch self {
        case .exp: return r.exponential(mean: 1.0)
        case .uniform: return 2.0 * r.uniform()
        case .bimodal:
            return r.uniform() < 0.9 ? 0.1 * r.uniform() : 100.0 * r.uniform()
        }
    }

    func samples(_ count: Int, seed: UInt64) -> [Double] {
        var r = Xoshiro256StarStar(seed: seed)
        var out = [Double]()
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(sample(&r)) }
        return out
    }
}
