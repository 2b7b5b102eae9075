/// Quality KPIs of a run (over the statistics period). Parts are jobs.
public struct QualityReport: Sendable {
    /// Jobs finished without a rework loop / jobs that left the shop (finished + scrapped).
    public var firstPassYield: Double
    /// Scrapped / left the shop; rework loops / left the shop.
    public var scrapRate: Double
    public var reworkRate: Double
    /// Inspections, rejections, good parts rejected, defective parts passed.
    public var inspected: Int
    public var rejected: Int
    public var falseRejects: Int
    public var falseAccepts: Int
    /// Finished orders carrying a defect (field failures), and their share of finished orders.
    public var escapedDefects: Int
    public var escapedRate: Double
    /// Parts made defective (hidden truth: what an inspection would ideally find).
    public var defectsMade: Int
    /// Operator hours at stations whose operations inspect manually.
    public var inspectionHours: Double
    /// Scrap, rework, escaped defects and inspections at their unit costs, plus the inspectors'
    /// time at the wage of the pools that worked there (approximated by the mean wage).
    public var cost: Double
}
