/// Confidence intervals from one long run by the method of non-overlapping batch means.
///
/// Consecutive observations of a steady-state run are correlated, so their plain sample
/// variance understates the error of their mean. Grouped into a fixed number of large batches,
/// the batch means are nearly independent and nearly normal, and a t interval over them is
/// honest (Law, *Simulation Modeling and Analysis*, §9.5.3).
///
/// The batch size is not known in advance, so it doubles as data arrives: with `batchCount`
/// batches of size b full, pairs are merged into `batchCount/2` batches of size 2b. Memory is
/// O(batchCount) for any run length.
public struct BatchMeans: Sendable {
    /// The number of batches the interval is computed over (between `batchCount/2` and `batchCount`).
    public let batchCount: Int
    @usableFromInline var batchSums: [Double]
    @usableFromInline var batchSize = 1
    @usableFromInline var filled = 0
    @usableFromInline var current = 0.0
    @usableFromInline var inCurrent = 0
    /// Every observation recorded, including those of an incomplete last batch.
    public private(set) var overall = Tally()

    /// - Parameter batchCount: an even number ≥ 4; 40 gives 20 to 40 batches.
    public init(batchCount: Int = 40) {
        precondition(batchCount >= 4 && batchCount % 2 == 0, "batch count must be even and at least 4")
        self.batchCount = batchCount
        batchSums = Array(repeating: 0, count: batchCount)
    }

    /// Records the next observation in run order.
    public mutating func record(_ value: Double) {
        overall.record(value)
        current += value
        inCurrent += 1
        guard inCurrent == batchSize else { return }
        batchSums[filled] = current
        filled += 1
        current = 0
        inCurrent = 0
        if filled == batchCount {
            for index in 0..<batchCount / 2 {
                batchSums[index] = batchSums[2 * index] + batchSums[2 * index + 1]
            }
            filled = batchCount / 2
            batchSize *= 2
        }
    }

    /// The means of the complete batches.
    public var means: [Double] {
        (0..<filled).map { batchSums[$0] / Double(batchSize) }
    }

    /// A t interval over the complete batch means; nil with fewer than 2 complete batches.
    public func confidenceInterval(level: Double = 0.95) -> ConfidenceInterval? {
        filled >= 2 ? ConfidenceInterval(means, level: level) : nil
    }

    /// Forgets every observation (at the end of a warm-up).
    public mutating func reset() { self = BatchMeans(batchCount: batchCount) }
}
