import TaktKernel

/// One KPI of variant B against variant A over paired replications: each variant's mean with its
/// confidence half-width, and the mean of the differences B − A with a paired-t interval.
///
/// Replication r of A and of B form a pair; the pairs are independent of one another, so the
/// differences d_r = b_r − a_r give the Student-t interval d̄ ± t(1 − α/2, n − 1) · s_d / √n.
/// With common random numbers the two sides of a pair are positively correlated and s_d is
/// small; with independent streams the interval is still valid, only wider.
///
/// Undefined values are NaN: half-widths with fewer than 2 pairs. Identical values on both sides
/// give a difference of exactly 0 with a half-width of exactly 0.
public struct PairedDifference: Sendable, Equatable {
    /// The KPI's stable name, words and unit.
    public var kpi: String
    public var label: String
    public var unit: String
    /// The variants: A the reference, B the one compared with it.
    public var variantA: String
    public var variantB: String
    /// Mean of A over the pairs and its half-width (NaN with fewer than 2 pairs).
    public var meanA: Double
    public var halfWidthA: Double
    /// Mean of B over the pairs and its half-width.
    public var meanB: Double
    public var halfWidthB: Double
    /// Mean of the differences B − A.
    public var difference: Double
    /// Paired-t half-width of `difference` (NaN with fewer than 2 pairs).
    public var differenceHalfWidth: Double
    /// Sample standard deviation of the differences (0 with fewer than 2 pairs).
    public var differenceStandardDeviation: Double
    /// difference / |meanA|: 0 when both are 0, nil when only meanA is.
    public var relativeChange: Double?
    /// The number of pairs.
    public var n: Int
    /// The confidence level, e.g. 0.95.
    public var level: Double

    /// True when the interval of the difference excludes 0 (never with fewer than 2 pairs).
    public var significant: Bool {
        differenceHalfWidth.isFinite && abs(difference) > differenceHalfWidth
    }

    /// Computes the comparison from the values of A and B, paired by position.
    /// - Precondition: as many values on both sides, at least one, and `0 < level < 1`.
    public init(kpi: String, label: String, unit: String, variantA: String, variantB: String,
                a: [Double], b: [Double], level: Double) {
        precondition(a.count == b.count && !a.isEmpty, "paired samples need the same, non-zero number of values")
        self.kpi = kpi
        self.label = label
        self.unit = unit
        self.variantA = variantA
        self.variantB = variantB
        self.level = level
        n = a.count
        let sideA = ConfidenceInterval(a, level: level)
        let sideB = ConfidenceInterval(b, level: level)
        let differences = ConfidenceInterval(zip(b, a).map { $0 - $1 }, level: level)
        meanA = sideA.mean
        meanB = sideB.mean
        halfWidthA = sideA.halfWidth.isFinite ? sideA.halfWidth : .nan
        halfWidthB = sideB.halfWidth.isFinite ? sideB.halfWidth : .nan
        difference = differences.mean
        differenceHalfWidth = differences.halfWidth.isFinite ? differences.halfWidth : .nan
        differenceStandardDeviation = differences.standardDeviation
        if meanA != 0 {
            relativeChange = difference / abs(meanA)
        } else {
            relativeChange = difference == 0 ? 0 : nil
        }
    }
}
