/// Quality counters since the last reset. "Parts" are jobs (lots); costs weigh them by quantity.
public struct QualityStatistics: Sendable {
    /// Parts that became defective (hidden truth; for judging inspections and controllers).
    public internal(set) var defectsMade = 0
    /// Inspections done, and parts rejected by them.
    public internal(set) var inspected = 0
    public internal(set) var rejected = 0
    /// Good parts rejected, and defective parts passed, by inspections.
    public internal(set) var falseRejects = 0
    public internal(set) var falseAccepts = 0
    /// Parts flagged for a human re-check (`RejectAction.recheck`), and good ones among them.
    public internal(set) var flagged = 0
    public internal(set) var falseFlags = 0
    /// Verdict counts per inspection route: `confusion[route][true * classes + predicted]`.
    public internal(set) var confusion: [[Int]]
    /// Finished orders that carry a defect (field failures), and their units.
    public internal(set) var escapedDefects = 0
    /// Jobs finished without any rework loop.
    public internal(set) var firstPassJobs = 0
    /// Units scrapped, reworked and inspected, and units of escaped defects (for costs).
    public internal(set) var scrappedUnits = 0
    public internal(set) var reworkedUnits = 0
    public internal(set) var inspectedUnits = 0
    public internal(set) var escapedUnits = 0

    init(routes: Int, classes: Int) {
        confusion = Array(repeating: Array(repeating: 0, count: (classes + 1) * (classes + 1)), count: routes)
    }

    mutating func reset() {
        self = QualityStatistics(routes: confusion.count,
                                 classes: Int(Double(confusion.first?.count ?? 1).squareRoot()) - 1)
    }
}
