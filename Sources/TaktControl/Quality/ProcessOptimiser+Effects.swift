extension ProcessOptimiser {
    /// Parameter `k`'s learned effect: max − min of its predicted contribution to the defect
    /// log-odds across the span of setpoints it explored (`exploredSpan`) — what the data can
    /// show, without extrapolating the fitted curve beyond them. 0 before the first decision
    /// or for a parameter it does not tune.
    public func effect(of k: Int) -> Double {
        guard let (low, high) = extremes(k) else { return 0 }
        return contribution(k, at: high) - contribution(k, at: low)
    }

    /// The standard error of `effect(of:)` (delta method; the extremes held fixed).
    public func effectStandardError(of k: Int) -> Double {
        guard let (low, high) = extremes(k) else { return 0 }
        return differenceError(k, high, low)
    }

    /// max − min of its predicted contribution over the whole allowed range: an extrapolation of
    /// the fitted quadratic beyond the explored span, with the uncertainty that implies.
    public func rangeEffect(of k: Int) -> Double {
        guard updates > 0, tunable.indices.contains(k), tunable[k] else { return 0 }
        let (low, high) = extremes(k, from: -1, to: 1)
        return contribution(k, at: high) - contribution(k, at: low)
    }

    /// The least and greatest setpoint it has asked for (the initial recipe included); nil
    /// before the first decision, for a parameter it does not tune, or one never moved.
    public func exploredSpan(_ k: Int) -> ClosedRange<Double>? {
        guard updates > 0, tunable.indices.contains(k), tunable[k], explored[k].max > explored[k].min
        else { return nil }
        return explored[k].min...explored[k].max
    }

    /// Where the learned contribution is least and greatest over the explored span
    /// (standardised values).
    func extremes(_ k: Int) -> (low: Double, high: Double)? {
        guard let span = exploredSpan(k) else { return nil }
        return extremes(k, from: standardised(span.lowerBound, k), to: standardised(span.upperBound, k))
    }

    /// Where b₁z + b₂z² is least and greatest on [from, to]: at the ends or the vertex.
    func extremes(_ k: Int, from: Double, to: Double) -> (low: Double, high: Double) {
        var low = contribution(k, at: from) <= contribution(k, at: to) ? from : to
        var high = low == from ? to : from
        let b1 = regression.coefficient(1 + 2 * k), b2 = regression.coefficient(2 + 2 * k)
        if b2 != 0, -b1 / (2 * b2) > from, -b1 / (2 * b2) < to {
            let vertex = -b1 / (2 * b2)
            if b2 > 0 { low = vertex } else { high = vertex }
        }
        return (low, high)
    }
}
