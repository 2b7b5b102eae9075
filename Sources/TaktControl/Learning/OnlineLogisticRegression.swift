#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// L2-regularised logistic regression, P(y = 1 | x) = σ(β₀ + Σ βⱼ xⱼ), learned one example at
/// a time by recursive Newton updates (the Laplace-approximate Bayesian update, also known as
/// the extended Kalman filter for logistic regression): the L2 penalty λⱼ is a Gaussian prior
/// N(0, 1/λⱼ) on βⱼ; after each example the mean β and covariance P of the approximate posterior
/// are updated in closed form,
///
///     p = σ(x̃ᵀβ), w = p(1 − p), u = P x̃, s = x̃ᵀu,
///     P ← P − w/(1 + w s) · u uᵀ,   β ← β + u (y − p)/(1 + w s),
///
/// for x̃ = (1, x − x₀), features centred on the first example's (better conditioning; slopes
/// are unchanged). This is one Newton step of the penalised log-likelihood per example, with P
/// the inverse of the information accumulated so far. When labels come through a noisy check
/// (`floor`, `ceiling`), the same update uses that link's score and expected information
/// (Fisher scoring), so β still describes the true outcome.
///
/// **Why this rather than SGD or refits.** Labels here are rare (a few percent of parts) and
/// noisy (imperfect inspections), and the features have very different spreads (exploration
/// moves some parameters more than others). Plain SGD needs a learning rate tuned per problem
/// and crawls along the flat directions; the recursive Newton update is scale-free (P adapts
/// the step to each direction) and converges as fast as batch Newton asymptotically. A periodic
/// batch Newton fit (IRLS) on a window of the last N examples is exact but costs O(N·d²) per
/// refit — tens of microseconds per label for a window long enough to keep the informative
/// early data (a short window forgets exactly the examples far from the optimum that tell
/// parameters apart). The recursive update costs O(d²) per example (≈ 0.2 µs for d = 13),
/// needs no storage of examples, and gives the coefficients' covariance P at every moment.
/// Its approximation (each example's weight w is taken at the estimate of the time) matters
/// only for the first examples — provided every coefficient has a proper prior on the scale of
/// its feature: under a vague prior, the first examples that move a feature can throw its
/// coefficient far off (the single-example maximum likelihood is infinite), saturating σ for a
/// long while. Standardise features and penalise them all.
///
/// **Forgetting** (`forgetting` λ < 1, for a process that drifts): before each example the
/// covariance is inflated, P ← P/λ, so an example's information decays by λ per later example
/// (an effective memory of 1/(1 − λ) examples; exponential forgetting as in recursive least
/// squares). Directions the data no longer excite would then grow without bound ("wind-up"), so
/// each coefficient's variance is capped at its prior variance by scaling its row and column
/// (P ← D P D, D diagonal ≤ 1: P stays positive definite): the estimate never becomes vaguer
/// than the prior.
///
/// Storage is allocated once: adding an example allocates nothing.
public struct OnlineLogisticRegression: Sendable {
    /// Number of features (coefficients besides the intercept).
    public let featureCount: Int
    /// The L2 penalty (prior precision) λⱼ of each feature.
    public let penalties: [Double]
    /// P(positive label) for a true negative and a true positive (0 and 1: labels are exact).
    public let floor: Double
    public let ceiling: Double
    /// The forgetting factor λ ∈ (0, 1] per example (1: remember everything).
    public let forgetting: Double
    /// Examples learned from.
    public private(set) var count = 0

    /// mean β (d) | covariance P (d × d) | x̃ (d) | u (d), d = featureCount + 1.
    var state: [Double]
    /// The prior variance of each coefficient (the cap under forgetting).
    var priorVariance: [Double]
    /// The first example's features: the origin of the centred features.
    var origin: [Double]

    /// The smallest prior precision of a coefficient (a prior sd of 100 on the log-odds scale:
    /// vague), used for unpenalised features so that P starts finite.
    public static let minimumPrecision = 1e-4

    /// - Parameters:
    ///   - featureCount: features per example.
    ///   - penalties: λⱼ per feature (0: unpenalised); one value is used for all.
    ///   - interceptVariance: prior variance of the intercept (log-odds²).
    ///   - floor, ceiling: when labels come through a noisy check, the probability of a positive
    ///     label for a true negative (false-positive rate) and for a true positive (sensitivity):
    ///     then P(y = 1) = floor + (ceiling − floor)·σ(η) and β describes the true outcome.
    ///   - forgetting: λ ∈ (0, 1]: each example's information decays by λ per later example
    ///     (1: no forgetting).
    public init(featureCount: Int, penalties: [Double], interceptVariance: Double = 100, floor: Double = 0,
                ceiling: Double = 1, forgetting: Double = 1) {
        precondition(forgetting > 0 && forgetting <= 1, "forgetting factor: 0 < λ ≤ 1")
        self.forgetting = forgetting
        precondition(featureCount >= 0, "feature count must not be negative")
        precondition(penalties.count == featureCount || penalties.count == 1, "one penalty per feature, or one for all")
        precondition(penalties.allSatisfy { $0 >= 0 } && interceptVariance > 0, "penalties must not be negative")
        precondition(floor >= 0 && floor < ceiling && ceiling <= 1, "label noise: 0 ≤ floor < ceiling ≤ 1")
        self.floor = floor
        self.ceiling = ceiling
        self.featureCount = featureCount
        self.penalties = penalties.count == featureCount ? penalties
            : Array(repeating: penalties[0], count: featureCount)
        let d = featureCount + 1
        state = Array(repeating: 0, count: d * d + 3 * d)
        origin = Array(repeating: 0, count: featureCount)
        state[d] = interceptVariance
        for j in 1..<d { state[d + j * d + j] = 1 / max(Self.minimumPrecision, self.penalties[j - 1]) }
        var variances = Array(repeating: interceptVariance, count: d)
        for j in 1..<d { variances[j] = state[d + j * d + j] }
        priorVariance = variances
    }

    /// Learns from one example.
    public mutating func add(_ features: [Double], label: Bool) {
        precondition(features.count == featureCount, "expected \(featureCount) features")
        let d = featureCount + 1
        if count == 0 {
            for j in 0..<featureCount { origin[j] = features[j] }
        }
        count += 1
        let x = d + d * d
        state[x] = 1
        for j in 0..<featureCount { state[x + j + 1] = features[j] - origin[j] }
        let y: Double = label ? 1 : 0
        let forgetting = forgetting, priorVariance = priorVariance
        state.withUnsafeMutableBufferPointer { state in
            let beta = UnsafeMutableBufferPointer(rebasing: state[0..<d])
            let p = UnsafeMutableBufferPointer(rebasing: state[d..<(d + d * d)])
            let x = UnsafeMutableBufferPointer(rebasing: state[(d + d * d)..<(2 * d + d * d)])
            let u = UnsafeMutableBufferPointer(rebasing: state[(2 * d + d * d)..<(3 * d + d * d)])
            if forgetting < 1 { Self.forget(p, d, forgetting, priorVariance) }
            var eta = 0.0
            for k in 0..<d { eta += beta[k] * x[k] }
            // σ(η) and 1 − σ(η), each computed without cancellation
            let e = exp(-min(700, abs(eta)))
            let sigma = eta >= 0 ? 1 / (1 + e) : e / (1 + e), tau = eta >= 0 ? e / (1 + e) : 1 / (1 + e)
            // labels observed through a noisy check: P(y = 1) = q = floor + (ceiling − floor)·σ(η);
            // Fisher scoring (expected information) for this link, the plain logistic when the
            // floor is 0 and the ceiling 1. ratio = q′(η) / (q (1 − q)), in a form that stays
            // finite when σ saturates (then the plain logistic's ratio is exactly 1).
            let spread = ceiling - floor
            let q = floor + spread * sigma, notQ = (1 - ceiling) + spread * tau
            let ratio = (spread * sigma / q) * (tau / notQ)
            let w = spread * sigma * tau * ratio
            let score = (y - q) * ratio
            var s = 0.0
            for r in 0..<d {
                var sum = 0.0
                for c in 0..<d { sum += p[r * d + c] * x[c] }
                u[r] = sum
                s += x[r] * sum
            }
            let shrink = w / (1 + w * s)
            for r in 0..<d {
                let a = shrink * u[r]
                for c in 0...r {
                    let value = p[r * d + c] - a * u[c]
                    p[r * d + c] = value
                    p[c * d + r] = value
                }
            }
            let step = score / (1 + w * s)
            for k in 0..<d { beta[k] += step * u[k] }
        }
    }

    /// P ← P/λ, then each variance capped at its prior variance (P ← D P D).
    private static func forget(_ p: UnsafeMutableBufferPointer<Double>, _ d: Int, _ forgetting: Double,
                               _ priorVariance: [Double]) {
        let inflate = 1 / forgetting
        for i in 0..<(d * d) { p[i] *= inflate }
        priorVariance.withUnsafeBufferPointer { cap in
            for j in 0..<d where p[j * d + j] > cap[j] {
                let f = (cap[j] / p[j * d + j]).squareRoot()
                for c in 0..<d {
                    p[j * d + c] *= f
                    p[c * d + j] *= f
                }
            }
        }
    }

    /// Coefficient `j`: 0 the intercept (for the raw features), j ≥ 1 feature j − 1's.
    public func coefficient(_ j: Int) -> Double {
        guard j == 0 else { return state[j] }
        var intercept = state[0]
        for k in 0..<featureCount { intercept -= state[k + 1] * origin[k] }
        return intercept
    }

    /// The intercept, then one coefficient per feature.
    public var coefficients: [Double] { (0...featureCount).map(coefficient) }

    /// The fitted log-odds β₀ + Σ βⱼ xⱼ of an example.
    public func logOdds(_ features: [Double]) -> Double {
        precondition(features.count == featureCount, "expected \(featureCount) features")
        var eta = state[0]
        for j in 0..<featureCount { eta += state[j + 1] * (features[j] - origin[j]) }
        return eta
    }

    /// The approximate posterior covariance of coefficients `i` and `j` (numbered as in
    /// `coefficient`; the intercept's entries refer to the log-odds at the first example).
    public func covariance(_ i: Int, _ j: Int) -> Double {
        let d = featureCount + 1
        return state[d + i * d + j]
    }
}
