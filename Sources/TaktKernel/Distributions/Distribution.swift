/// A probability distribution of a real quantity, parameterised the way planners state it.
///
/// Every parameter is in the quantity's own unit: `exponential(mean:)` takes the mean, not a
/// rate; `lognormal(mean:sd:)` takes the mean and standard deviation of the variable itself, not
/// of its logarithm. Sampling is a `switch` over this enum: no existential, no allocation.
///
/// ```swift
/// var rng = RandomStreams(seed: 7).stream(entity: "oven", purpose: "processing-time")
/// let d = Distribution.lognormal(mean: 600, sd: 120)
/// let t = d.sampleDuration(&rng)   // ≥ 0
/// ```
///
/// Check parameters with `validationError` before sampling; sampling an invalid distribution
/// is a precondition failure in debug builds and undefined in value otherwise.
public enum Distribution: Sendable, Equatable {
    /// Always `value`.
    case constant(Double)
    /// Uniform on [min, max].
    case uniform(min: Double, max: Double)
    /// Triangular on [min, max] with the given mode.
    case triangular(min: Double, mode: Double, max: Double)
    /// Exponential with the given mean (rate 1/mean).
    case exponential(mean: Double)
    /// Normal with mean and standard deviation. As a duration it is truncated at 0 by redrawing
    /// negative values (see `sampleDuration`).
    case normal(mean: Double, sd: Double)
    /// Lognormal with the mean and standard deviation of the variable itself.
    case lognormal(mean: Double, sd: Double)
    /// Gamma with shape k and scale θ: mean kθ, variance kθ².
    case gamma(shape: Double, scale: Double)
    /// Weibull with shape k and scale λ: P(X > x) = exp(−(x/λ)ᵏ).
    case weibull(shape: Double, scale: Double)
    /// Erlang: the sum of `phases` exponential phases, with the given total mean.
    case erlang(phases: Int, mean: Double)
    /// 1 with probability p, else 0.
    case bernoulli(p: Double)
    /// One of `values`, chosen with probability proportional to its weight.
    case discrete(DiscreteTable)
    /// One of the observed `samples`, each equally likely (resampling the data as given).
    case empirical(samples: [Double])
}

/// Values with weights, normalised once into cumulative probabilities for sampling.
public struct DiscreteTable: Sendable, Equatable {
    /// The possible values.
    public let values: [Double]
    /// The weights as given (not necessarily summing to 1).
    public let weights: [Double]
    /// Cumulative normalised weights; the last is exactly 1.
    public let cumulative: [Double]

    /// - Precondition: same non-zero count, weights non-negative with a positive sum.
    public init(values: [Double], weights: [Double]) {
        precondition(!values.isEmpty && values.count == weights.count, "values and weights must pair up")
        self.values = values
        self.weights = weights
        let total = weights.reduce(0, +)
        var running = 0.0
        var cumulative = weights.map { weight -> Double in
            running += weight
            return total > 0 ? running / total : 0
        }
        cumulative[cumulative.count - 1] = 1
        self.cumulative = cumulative
    }

    var total: Double { weights.reduce(0, +) }
}
