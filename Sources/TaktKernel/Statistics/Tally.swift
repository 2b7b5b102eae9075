/// Count, mean, variance, minimum and maximum of a stream of observations (a wait, a flow time),
/// in O(1) memory, with Welford's numerically stable update.
public struct Tally: Sendable, Equatable {
    @usableFromInline var _count: Int = 0
    @usableFromInline var _mean: Double = 0
    @usableFromInline var _m2: Double = 0
    @usableFromInline var _min: Double = .infinity
    @usableFromInline var _max: Double = -.infinity

    public init() {}

    /// Observations recorded since creation or the last `reset()`.
    public var count: Int { _count }
    /// Their mean (0 when empty).
    public var mean: Double { _mean }
    /// The least observation (+∞ when empty).
    public var min: Double { _min }
    /// The greatest observation (−∞ when empty).
    public var max: Double { _max }

    /// Records one observation.
    @inlinable
    public mutating func record(_ value: Double) {
        _count += 1
        let delta = value - _mean
        _mean += delta / Double(_count)
        _m2 += delta * (value - _mean)
        if value < _min { _min = value }
        if value > _max { _max = value }
    }

    /// The unbiased sample variance (n − 1 in the denominator); 0 with fewer than 2 observations.
    public var variance: Double { _count > 1 ? _m2 / Double(_count - 1) : 0 }

    /// The sample standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The sum of the observations.
    public var sum: Double { _mean * Double(_count) }

    /// Forgets every observation (at the end of a warm-up).
    public mutating func reset() { self = Tally() }

    /// Combines two tallies as if every observation had been recorded in one (Chan et al. 1979).
    public func merged(with other: Tally) -> Tally {
        guard other._count > 0 else { return self }
        guard _count > 0 else { return other }
        var result = Tally()
        let n = Double(_count + other._count)
        let delta = other._mean - _mean
        result._count = _count + other._count
        result._mean = _mean + delta * Double(other._count) / n
        result._m2 = _m2 + other._m2 + delta * delta * Double(_count) * Double(other._count) / n
        result._min = Swift.min(_min, other._min)
        result._max = Swift.max(_max, other._max)
        return result
    }
}
