#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Distribution {
    /// The theoretical mean (of the untruncated law).
    public var mean: Double {
        switch self {
        case .constant(let value): return value
        case .uniform(let low, let high): return (low + high) / 2
        case .triangular(let low, let mode, let high): return (low + mode + high) / 3
        case .exponential(let mean): return mean
        case .normal(let mean, _): return mean
        case .lognormal(let mean, _): return mean
        case .gamma(let shape, let scale): return shape * scale
        case .weibull(let shape, let scale): return scale * tgamma(1 + 1 / shape)
        case .erlang(_, let mean): return mean
        case .bernoulli(let p): return p
        case .discrete(let table):
            return zip(table.values, table.weights).reduce(0) { $0 + $1.0 * $1.1 } / table.total
        case .empirical(let samples): return samples.reduce(0, +) / Double(samples.count)
        }
    }

    /// The theoretical variance (of the untruncated law; for `empirical`, the population
    /// variance of the samples, which is what resampling them reproduces).
    public var variance: Double {
        switch self {
        case .constant: return 0
        case .uniform(let low, let high): return (high - low) * (high - low) / 12
        case .triangular(let a, let c, let b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .exponential(let mean): return mean * mean
        case .normal(_, let sd): return sd * sd
        case .lognormal(_, let sd): return sd * sd
        case .gamma(let shape, let scale): return shape * scale * scale
        case .weibull(let shape, let scale):
            let g1 = tgamma(1 + 1 / shape)
            return scale * scale * (tgamma(1 + 2 / shape) - g1 * g1)
        case .erlang(let phases, let mean): return mean * mean / Double(phases)
        case .bernoulli(let p): return p * (1 - p)
        case .discrete(let table):
            let m = mean
            return zip(table.values, table.weights).reduce(0) { $0 + ($1.0 - m) * ($1.0 - m) * $1.1 } / table.total
        case .empirical(let samples):
            let m = mean
            return samples.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(samples.count)
        }
    }

    /// The fourth central moment, where it has a closed form: used by tests to size the
    /// tolerance of a sample-variance check. Nil when not provided.
    public var fourthCentralMoment: Double? {
        let v = variance
        switch self {
        case .constant: return 0
        case .uniform: return 9 * v * v / 5
        case .exponential: return 9 * v * v
        case .normal: return 3 * v * v
        case .gamma(let shape, _): return v * v * (3 + 6 / shape)
        case .erlang(let phases, _): return v * v * (3 + 6 / Double(phases))
        case .bernoulli(let p): return p * (1 - p) * (1 - 3 * p + 3 * p * p)
        case .triangular: return 12 * v * v / 5
        default: return nil
        }
    }
}
