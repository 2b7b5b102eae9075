/// A two-sided Student-t confidence interval for a mean, from independent observations
/// (replication means, batch means, paired differences).
public struct ConfidenceInterval: Sendable, Equatable, CustomStringConvertible {
    /// The sample mean.
    public let mean: Double
    /// The half-width: the interval is mean ± halfWidth. Infinite with fewer than 2 observations.
    public let halfWidth: Double
    /// The confidence level, e.g. 0.95.
    public let level: Double
    /// The number of observations.
    public let count: Int
    /// Their sample standard deviation.
    public let standardDeviation: Double

    /// The interval from a sample: mean ± t(1 − α/2, n − 1) · s / √n.
    /// - Precondition: `0 < level < 1` and at least one observation.
    public init(_ observations: [Double], level: Double = 0.95) {
        var tally = Tally()
        for value in observations { tally.record(value) }
        self.init(tally, level: level)
    }

    /// The interval from a tally of independent observations.
    public init(_ tally: Tally, level: Double = 0.95) {
        precondition(level > 0 && level < 1, "confidence level must be in (0, 1)")
        precondition(tally.count > 0, "a confidence interval needs at least one observation")
        mean = tally.mean
        self.level = level
        count = tally.count
        standardDeviation = tally.standardDeviation
        if tally.count < 2 {
            halfWidth = .infinity
        } else {
            let t = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(tally.count - 1))
            halfWidth = t * tally.standardDeviation / Double(tally.count).squareRoot()
        }
    }

    /// The lower bound.
    public var lower: Double { mean - halfWidth }
    /// The upper bound.
    public var upper: Double { mean + halfWidth }

    /// True when `value` lies in [lower, upper].
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    public var description: String {
        "\(mean) ± \(halfWidth) (\(Int((level * 100).rounded()))%, n = \(count))"
    }
}
