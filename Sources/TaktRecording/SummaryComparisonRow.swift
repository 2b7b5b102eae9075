/// A row of /summary/comparison: one KPI of variant B against variant A over paired replications.
public struct SummaryComparisonRow: Sendable {
    public var kpi: String, unit: String
    public var variantA: String, variantB: String
    /// Mean of each variant over the paired replications, with its confidence half-width (NaN when undefined).
    public var meanA: Double, halfWidthA: Double, meanB: Double, halfWidthB: Double
    /// Mean of B − A over the pairs, and its paired-t half-width (NaN when undefined).
    public var difference: Double, differenceHalfWidth: Double
    /// difference / |mean A| (NaN when mean A is 0 and the difference is not).
    public var relativeChange: Double
    /// True when the interval of the difference excludes 0.
    public var significant: Bool
    /// Pairs used, and the confidence level.
    public var n: Int, level: Double

    public init(kpi: String, unit: String, variantA: String, variantB: String, meanA: Double, halfWidthA: Double,
                meanB: Double, halfWidthB: Double, difference: Double, differenceHalfWidth: Double,
                relativeChange: Double,
                significant: Bool, n: Int, level: Double) {
        self.kpi = kpi
        self.unit = unit
        self.variantA = variantA
        self.variantB = variantB
        self.meanA = meanA
        self.halfWidthA = halfWidthA
        self.meanB = meanB
        self.halfWidthB = halfWidthB
        self.difference = difference
        self.differenceHalfWidth = differenceHalfWidth
        self.relativeChange = relativeChange
        self.significant = significant
        self.n = n
        self.level = level
    }
}
