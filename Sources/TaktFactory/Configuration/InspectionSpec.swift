/// An inspection done by an operation: which parts it looks at, how it classifies them, and what
/// becomes of a rejected part. The classification is drawn from the confusion matrix given the
/// part's true (hidden) class; only the verdict is observable.
public struct InspectionSpec: Sendable, Equatable {
    /// Manual (needs an inspector: give the station `operators: step` and a pool with its skill)
    /// or automated vision.
    public var method: InspectionMethod
    /// Inspect 1 part in `every` (1: every part); the others skip the operation.
    public var every: Int
    /// `confusion[true][predicted]` over classes 0 = good, 1… = the defect classes; rows add up to 1.
    public var confusion: [[Double]]
    /// What happens to a part the inspection rejects.
    public var onReject: RejectAction
    /// How a vision inspection learns from labelled examples (nil: a fixed matrix). With it,
    /// `confusion` is the base matrix whose shape the learning curve scales.
    public var learning: VisionLearning?

    public init(method: InspectionMethod = .manual, every: Int = 1, confusion: [[Double]],
                onReject: RejectAction = .scrap, learning: VisionLearning? = nil) {
        self.method = method
        self.every = every
        self.confusion = confusion
        self.onReject = onReject
        self.learning = learning
    }

    /// A two-class inspection from its sensitivity (share of defective parts rejected) and
    /// specificity (share of good parts passed); every defect class is detected alike.
    public static func binary(method: InspectionMethod = .manual, sensitivity: Double, specificity: Double,
                              defectClasses: Int = 1,
                              every: Int = 1, onReject: RejectAction = .scrap) -> InspectionSpec {
        var confusion = [[specificity, 1 - specificity] + Array(repeating: 0, count: max(0, defectClasses - 1))]
        for k in 1...max(1, defectClasses) {
            var row = Array(repeating: 0.0, count: defectClasses + 1)
            row[0] = 1 - sensitivity
            row[k] = sensitivity
            confusion.append(row)
        }
        return InspectionSpec(method: method, every: every, confusion: confusion, onReject: onReject)
    }
}

public enum InspectionMethod: String, Sendable, CaseIterable {
    case manual
    case vision
}

/// What becomes of a rejected part.
public enum RejectAction: Sendable, Equatable {
    case scrap
    /// Repaired (its defect removed) and sent back to operation `toOperation` of its routing.
    case rework(toOperation: Int)
    /// Flagged for a second look: a flagged part goes on to the next operation (a human
    /// re-check, itself an inspection), a passed part skips it. The AI-vision-with-human-re-check
    /// pattern: people only confirm or clear what the model flags.
    case recheck
}

/// Costs of poor quality, per unit.
public struct QualityCosts: Sendable, Equatable {
    public var scrap: Double
    public var rework: Double
    /// A defect that reaches the customer (a field failure).
    public var escapedDefect: Double
    /// One inspection (machine time; inspectors' time is counted as labour).
    public var inspection: Double

    public init(scrap: Double = 0, rework: Double = 0, escapedDefect: Double = 0, inspection: Double = 0) {
        self.scrap = scrap
        self.rework = rework
        self.escapedDefect = escapedDefect
        self.inspection = inspection
    }
}
