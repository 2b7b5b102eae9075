#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Distribution {
    /// A sentence saying what is wrong with the parameters, or nil when they are valid: each
    /// parameter in its range, and the law's mean, variance and every value a draw can reach
    /// finite (a Weibull shape of 1e-320 is positive, but its draws are infinite).
    public var validationError: String? {
        if let problem = parameterError { return problem }
        guard mean.isFinite, variance.isFinite else {
            return "the parameters give a law whose mean or variance is not a finite number"
        }
        guard sampleBound.isFinite else { return "the parameters give draws beyond the largest number" }
        return nil
    }

    /// The largest magnitude a draw can reach with the samplers used here (the uniform source
    /// gives values in [2⁻⁵³, 1), so −log u ≤ 36.8, and a polar-method normal stays within 12.2
    /// standard deviations). An upper bound, not the exact supremum.
    public var sampleBound: Double {
        let logTail = 36.8, normalTail = 12.2
        switch self {
        case .constant(let value): return abs(value)
        case .uniform(let low, let high), .triangular(let low, _, let high): return Swift.max(abs(low), abs(high))
        case .exponential(let mean): return mean * logTail
        case .normal(let mean, let sd): return abs(mean) + normalTail * sd
        case .lognormal(let mean, let sd):
            let (mu, sigma) = Distribution.logParameters(mean: mean, sd: sd)
            return exp(mu + normalTail * sigma)
        case .gamma(let shape, let scale):
            // Marsaglia–Tsang returns d·(1 + c·x)³ with d = shape′ − 1/3, c = 1/√(9d), |x| ≤ 12.2
            let d = (shape < 1 ? shape + 1 : shape) - 1.0 / 3.0
            let c = 1 / (9 * d).squareRoot()
            return scale * d * pow(1 + c * normalTail, 3)
        case .weibull(let shape, let scale): return scale * pow(logTail, 1 / shape)
        case .erlang(let phases, let mean):
            if phases <= 16 { return mean * logTail }
            return Distribution.gamma(shape: Double(phases), scale: mean / Double(phases)).sampleBound
        case .bernoulli: return 1
        case .discrete(let table): return table.values.map(abs).max() ?? 0
        case .empirical(let samples): return samples.map(abs).max() ?? 0
        }
    }

    /// The first parameter outside its range, or nil.
    var parameterError: String? {
        func positive(_ name: String, _ value: Double) -> String? {
            value > 0 && value.isFinite ? nil : "\(name) must be a positive number, got \(value)"
        }
        func nonNegative(_ name: String, _ value: Double) -> String? {
            value >= 0 && value.isFinite ? nil : "\(name) must be zero or positive, got \(value)"
        }
        switch self {
        case .constant(let value):
            return value.isFinite ? nil : "constant must be finite"
        case .uniform(let low, let high):
            return low <= high && low.isFinite && high.isFinite ? nil : "uniform needs min ≤ max, got \(low) > \(high)"
        case .triangular(let low, let mode, let high):
            guard low < high else { return "triangular needs min < max, got \(low) and \(high)" }
            return low <= mode && mode <= high ? nil : "triangular needs min ≤ mode ≤ max, got mode \(mode)"
        case .exponential(let mean):
            return positive("exponential mean", mean)
        case .normal(let mean, let sd):
            return mean.isFinite ? nonNegative("normal sd", sd) : "normal mean must be finite"
        case .lognormal(let mean, let sd):
            return positive("lognormal mean", mean) ?? nonNegative("lognormal sd", sd)
        case .gamma(let shape, let scale):
            return positive("gamma shape", shape) ?? positive("gamma scale", scale)
        case .weibull(let shape, let scale):
            return positive("weibull shape", shape) ?? positive("weibull scale", scale)
        case .erlang(let phases, let mean):
            return phases >= 1 ? positive("erlang mean", mean) : "erlang needs at least 1 phase, got \(phases)"
        case .bernoulli(let p):
            return (0...1).contains(p) ? nil : "bernoulli p must be in [0, 1], got \(p)"
        case .discrete(let table):
            if table.weights.contains(where: { !($0 >= 0) }) { return "discrete weights must not be negative" }
            return table.total > 0 ? nil : "discrete weights must add up to more than 0"
        case .empirical(let samples):
            return samples.isEmpty ? "empirical needs at least one sample" : nil
        }
    }

    /// True when every value the law can produce is ≥ 0, so it can serve as a duration
    /// (the normal is accepted: it is truncated at 0 when used as one).
    public var isNonNegative: Bool {
        switch self {
        case .constant(let value): return value >= 0
        case .uniform(let low, _), .triangular(let low, _, _): return low >= 0
        case .normal(let mean, _): return mean >= 0
        case .discrete(let table): return table.values.allSatisfy { $0 >= 0 }
        case .empirical(let samples): return samples.allSatisfy { $0 >= 0 }
        default: return true
        }
    }
}
