/// A streaming estimate of one quantile (p50, p95) in O(1) memory: the P² algorithm of
/// Jain and Chlamtac (1985), five markers adjusted by piecewise-parabolic interpolation.
///
/// Exact for the first five observations; afterwards an estimate whose error shrinks with
/// the sample size (typically well under 1% of the interquantile range after 10⁴ observations
/// of a smooth law).
public struct P2Quantile: Sendable {
    /// The probability whose quantile is estimated, in (0, 1).
    public let p: Double
    var heights = InlineArray<5, Double>(repeating: 0)
    var positions: InlineArray<5, Double> = [1, 2, 3, 4, 5]
    var desired: InlineArray<5, Double>
    let increments: InlineArray<5, Double>
    /// Observations recorded.
    public private(set) var count = 0

    /// - Precondition: 0 < p < 1.
    public init(p: Double) {
        precondition(p > 0 && p < 1, "quantile probability must be in (0, 1)")
        self.p = p
        desired = [1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5]
        increments = [0, p / 2, p, (1 + p) / 2, 1]
    }

    /// Records one observation.
    public mutating func record(_ value: Double) {
        count += 1
        if count <= 5 {
            heights[count - 1] = value
            if count == 5 {
                var sorted = (0..<5).map { heights[$0] }
                sorted.sort()
                for index in 0..<5 { heights[index] = sorted[index] }
            }
            return
        }
        let cell: Int
        if value < heights[0] {
            heights[0] = value
            cell = 0
        } else if value >= heights[4] {
            heights[4] = max(heights[4], value)
            cell = 3
        } else {
            var k = 0
            while k < 3 && value >= heights[k + 1] { k += 1 }
            cell = k
        }
        for index in (cell + 1)..<5 { positions[index] += 1 }
        for index in 0..<5 { desired[index] += increments[index] }
        for index in 1...3 {
            let gap = desired[index] - positions[index]
            if (gap >= 1 && positions[index + 1] - positions[index] > 1)
                || (gap <= -1 && positions[index - 1] - positions[index] < -1) {
                let step: Double = gap > 0 ? 1 : -1
                let candidate = parabolic(index, step)
                if heights[index - 1] < candidate && candidate < heights[index + 1] {
                    heights[index] = candidate
                } else {
                    heights[index] = linear(index, step)
                }
                positions[index] += step
            }
        }
    }

    /// The current estimate (exact below five observations; nil when empty).
    public var estimate: Double? {
        if count == 0 { return nil }
        if count < 5 {
            let sorted = (0..<count).map { heights[$0] }.sorted()
            let rank = Int((p * Double(sorted.count - 1)).rounded())
            return sorted[rank]
        }
        return heights[2]
    }

    /// Forgets every observation.
    public mutating func reset() { self = P2Quantile(p: p) }

    private func parabolic(_ i: Int, _ d: Double) -> Double {
        let qLow = heights[i - 1], q = heights[i], qHigh = heights[i + 1]
        let nLow = positions[i - 1], n = positions[i], nHigh = positions[i + 1]
        return q + d / (nHigh - nLow)
            * ((n - nLow + d) * (qHigh - q) / (nHigh - n) + (nHigh - n - d) * (q - qLow) / (n - nLow))
    }

    private func linear(_ i: Int, _ d: Double) -> Double {
        let j = i + Int(d)
        return heights[i] + d * (heights[j] - heights[i]) / (positions[j] - positions[i])
    }
}
