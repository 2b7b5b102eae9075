#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProcessOptimiser {
    /// Turns a part's logged values into features (z and z² per parameter, then the
    /// environment) and learns from the labelled example.
    mutating func learn(_ slot: Int, rejected: Bool) {
        let count = parameterNames.count
        let base = slot * pending.width
        for k in 0..<count {
            let z = tunable[k] ? standardised(pending.values[base + k], k) : 0
            row[2 * k] = z
            row[2 * k + 1] = z * z
        }
        for e in environmentScale.indices {
            let scale = environmentScale[e]
            row[2 * count + e] = scale > 0 ? (pending.values[base + count + e] - environmentCentre[e]) / scale : 0
        }
        regression.add(row, label: rejected)
        labels += 1
    }

    /// x on the range-standardised scale: −1 at the minimum, +1 at the maximum.
    @inline(__always)
    func standardised(_ x: Double, _ k: Int) -> Double {
        (2 * x - minimum[k] - maximum[k]) / (maximum[k] - minimum[k])
    }

    /// The learned contribution b₁z + b₂z² of parameter `k` to the defect log-odds.
    @inline(__always)
    func contribution(_ k: Int, at z: Double) -> Double {
        regression.coefficient(1 + 2 * k) * z + regression.coefficient(2 + 2 * k) * z * z
    }

    /// The standard error of contribution(a) − contribution(b), from the covariance of the
    /// parameter's two coefficients.
    func differenceError(_ k: Int, _ a: Double, _ b: Double) -> Double {
        let v1 = a - b, v2 = a * a - b * b
        let i = 1 + 2 * k, j = 2 + 2 * k
        let variance = v1 * v1 * regression.covariance(i, i) + 2 * v1 * v2 * regression.covariance(i, j)
            + v2 * v2 * regression.covariance(j, j)
        return max(0, variance).squareRoot()
    }

    /// A decision: fixes the scale of environment variables that have varied, screens parameters in, then moves each
    /// screened-in incumbent to its predicted best value within the trust region when the predicted gain is clear of
    /// its standard error.
    mutating func update() {
        updates += 1
        for e in environmentScale.indices where environmentScale[e] == 0 && environmentSeen[e].standardDeviation > 0 {
            environmentCentre[e] = environmentSeen[e].mean
            environmentScale[e] = environmentSeen[e].standardDeviation
        }
        let radius = 2 * settings.stepLimit   // the range spans 2 on the standardised scale
        for k in incumbent.indices where tunable[k] {
            if !screened[k] && evidenceOfEffect(k) > screeningThreshold { screened[k] = true }
            guard screened[k] else { continue }
            let current = standardised(incumbent[k], k)
            let best = minimiser(k, from: max(-1, current - radius), to: min(1, current + radius))
            let gain = contribution(k, at: current) - contribution(k, at: best)
            guard best != current, gain > settings.evidence * differenceError(k, current, best) else { continue }
            incumbent[k] = min(maximum[k], max(minimum[k], minimum[k] + (best + 1) / 2 * (maximum[k] - minimum[k])))
            moves += 1
        }
    }

    /// The Wald statistic of "parameter `k` has no effect" (its linear and square coefficients
    /// both zero): χ² with 2 degrees of freedom if that is so.
    public func evidenceOfEffect(_ k: Int) -> Double {
        guard tunable.indices.contains(k), tunable[k] else { return 0 }
        let i = 1 + 2 * k, j = 2 + 2 * k
        let b1 = regression.coefficient(i), b2 = regression.coefficient(j)
        let c11 = regression.covariance(i, i), c12 = regression.covariance(i, j), c22 = regression.covariance(j, j)
        let determinant = c11 * c22 - c12 * c12
        guard determinant > 0 else { return 0 }
        return (c22 * b1 * b1 - 2 * c12 * b1 * b2 + c11 * b2 * b2) / determinant
    }

    /// The χ²₂ quantile the Wald statistic must exceed for a parameter to be tuned: −2 ln α.
    var screeningThreshold: Double { settings.screening > 0 ? -2 * log(settings.screening) : .infinity }

    /// The z in [low, high] minimising b₁z + b₂z²: the vertex if the parabola opens upwards and
    /// its vertex is inside, else the better end.
    func minimiser(_ k: Int, from low: Double, to high: Double) -> Double {
        guard low < high else { return low }
        let b1 = regression.coefficient(1 + 2 * k), b2 = regression.coefficient(2 + 2 * k)
        if b2 > 0 {
            let vertex = -b1 / (2 * b2)
            if vertex > low && vertex < high { return vertex }
        }
        return contribution(k, at: low) <= contribution(k, at: high) ? low : high
    }
}
