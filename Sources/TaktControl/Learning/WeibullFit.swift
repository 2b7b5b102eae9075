#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Weibull law fitted by maximum likelihood to lifetimes, some of them right-censored (the
/// unit was renewed, or is still running, before it failed: it lived at least that long).
///
/// With r failures t₁…t_r and all lifetimes (failed or censored) x₁…x_n, the profile
/// likelihood gives η^β = Σ x^β / r and the shape solves
/// Σ x^β ln x / Σ x^β − 1/β − (1/r) Σ ln tᵢ = 0, found here by bisection on ln β.
public struct WeibullFit: Sendable, Equatable {
    public var shape: Double
    public var scale: Double
    /// Failures the fit rests on (censored lifetimes add information but are not counted).
    public var failures: Int

    /// The fit, or nil with no failure or no positive lifetime.
    /// - Parameters:
    ///   - failures: lifetimes that ended in a failure (> 0).
    ///   - censored: lifetimes that ended without one (renewed or still running).
    public init?(failures: [Double], censored: [Double] = []) {
        let failed = failures.filter { $0 > 0 }
        let all = failed + censored.filter { $0 > 0 }
        guard !failed.isEmpty, let largest = all.max() else { return nil }
        // lifetimes scaled to at most 1 so x^β cannot overflow
        let x = all.map { $0 / largest }
        let meanLogFailed = failed.reduce(0) { $0 + log($1 / largest) } / Double(failed.count)
        func score(_ beta: Double) -> Double {
            var sum = 0.0, weighted = 0.0
            for value in x {
                let power = pow(value, beta)
                sum += power
                weighted += power * log(value)
            }
            return weighted / sum - 1 / beta - meanLogFailed
        }
        // the score rises with β; bracket on [0.02, 100]
        var low = log(0.02), high = log(100.0)
        guard score(exp(low)) < 0 else { return nil }
        if score(exp(high)) < 0 {
            low = high   // all lifetimes (nearly) equal: as steep as allowed
        } else {
            for _ in 0..<100 {
                let middle = (low + high) / 2
                if score(exp(middle)) < 0 { low = middle } else { high = middle }
            }
        }
        let beta = exp((low + high) / 2)
        let sum = x.reduce(0) { $0 + pow($1, beta) }
        shape = beta
        scale = largest * pow(sum / Double(failed.count), 1 / beta)
        self.failures = failed.count
    }

    /// P(T > t).
    public func survival(_ t: Double) -> Double { exp(-pow(max(0, t) / scale, shape)) }

    /// The hazard h(t) = (β/η)(t/η)^(β−1).
    public func hazard(_ t: Double) -> Double { shape / scale * pow(max(0, t) / scale, shape - 1) }

    /// The mean, η·Γ(1 + 1/β).
    public var mean: Double { scale * tgamma(1 + 1 / shape) }
}
