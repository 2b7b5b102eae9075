#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Distribution {
    /// Draws one value.
    @inlinable
    public func sample(_ rng: inout Xoshiro256StarStar) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .uniform(let low, let high):
            return low + (high - low) * rng.nextUnit()
        case .triangular(let low, let mode, let high):
            let u = rng.nextUnit()
            let split = (mode - low) / (high - low)
            return u < split
                ? low + (u * (high - low) * (mode - low)).squareRoot()
                : high - ((1 - u) * (high - low) * (high - mode)).squareRoot()
        case .exponential(let mean):
            return -mean * log(rng.nextOpenUnit())
        case .normal(let mean, let sd):
            return mean + sd * Distribution.standardNormal(&rng)
        case .lognormal(let mean, let sd):
            let (mu, sigma) = Distribution.logParameters(mean: mean, sd: sd)
            return exp(mu + sigma * Distribution.standardNormal(&rng))
        case .gamma(let shape, let scale):
            return scale * Distribution.standardGamma(shape: shape, &rng)
        case .weibull(let shape, let scale):
            return scale * pow(-log(rng.nextOpenUnit()), 1 / shape)
        case .erlang(let phases, let mean):
            if phases <= 16 {
                var product = 1.0
                for _ in 0..<phases { product *= rng.nextOpenUnit() }
                return -mean / Double(phases) * log(product)
            }
            return mean / Double(phases) * Distribution.standardGamma(shape: Double(phases), &rng)
        case .bernoulli(let p):
            return rng.nextUnit() < p ? 1 : 0
        case .discrete(let table):
            let u = rng.nextUnit()
            var low = 0
            var high = table.cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if table.cumulative[middle] > u { high = middle } else { low = middle + 1 }
            }
            return table.values[low]
        case .empirical(let samples):
            let index = Int(rng.nextUnit() * Double(samples.count))
            return samples[Swift.min(index, samples.count - 1)]
        }
    }

    /// Draws a non-negative value for use as a duration.
    ///
    /// Only the normal distribution can go negative among the duration-like laws; its negative
    /// draws are redrawn, which makes it a normal truncated at 0 (mean slightly above `mean` when
    /// `sd` is not small against it: +0.3% at sd = mean/3). After 64 negative draws in a row
    /// (sd far above mean) it returns 0. Other laws are returned as drawn, floored at 0.
    @inlinable
    public func sampleDuration(_ rng: inout Xoshiro256StarStar) -> Double {
        if case .normal = self {
            for _ in 0..<64 {
                let value = sample(&rng)
                if value >= 0 { return value }
            }
            return 0
        }
        return Swift.max(0, sample(&rng))
    }

    /// A standard normal deviate by Marsaglia's polar method (the second deviate is discarded,
    /// so each draw consumes a whole number of uniforms and streams stay aligned).
    @inlinable
    public static func standardNormal(_ rng: inout Xoshiro256StarStar) -> Double {
        while true {
            let u = 2 * rng.nextUnit() - 1
            let v = 2 * rng.nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// A Gamma(shape, 1) deviate by Marsaglia and Tsang (2000); shape < 1 by the boost
    /// Gamma(a) = Gamma(a + 1) · U^(1/a).
    @inlinable
    static func standardGamma(shape: Double, _ rng: inout Xoshiro256StarStar) -> Double {
        if shape < 1 {
            return standardGamma(shape: shape + 1, &rng) * pow(rng.nextOpenUnit(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = standardNormal(&rng)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = rng.nextOpenUnit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// The (μ, σ) of the underlying normal for a lognormal of the given mean and sd.
    @inlinable
    static func logParameters(mean: Double, sd: Double) -> (mu: Double, sigma: Double) {
        let sigmaSquared = log(1 + (sd * sd) / (mean * mean))
        return (log(mean) - sigmaSquared / 2, sigmaSquared.squareRoot())
    }
}
