/// A row of the `vision` table, observable: at each retrain (and the drift, and time 0) of a
/// learning vision inspection, what the plant saw of it since the previous row.
public struct VisionReading: Sendable, Equatable {
    public var time: Double
    /// Route index of the camera's operation.
    public var operation: Int32
    /// 0: the start, 1: a retrain, 2: the drift.
    public var kind: Int32
    /// Parts the camera flagged and the re-check confirmed as defective (precision as seen).
    public var flagged: Int64
    public var confirmed: Int64
    /// Passed parts audited, and those the audit found defective (the audit's miss estimate).
    public var audited: Int64
    public var auditFound: Int64

    public init(time: Double, operation: Int32, kind: Int32, flagged: Int64, confirmed: Int64, audited: Int64,
                auditFound: Int64) {
        self.time = time
        self.operation = operation
        self.kind = kind
        self.flagged = flagged
        self.confirmed = confirmed
        self.audited = audited
        self.auditFound = auditFound
    }
}

/// A row of the `vision_truth` table, hidden truth: the classifier's state after a retrain (or
/// the drift, or at time 0), and how it did since the previous row. Never shown to controllers.
public struct VisionTruth: Sendable, Equatable {
    public var time: Double
    public var operation: Int32
    public var kind: Int32
    /// Effective examples and the learning curve's balanced error after this row's change.
    public var examples: Double
    public var error: Double
    /// Labels since the previous row that named the true class, and that did not.
    public var correctLabels: Int64
    public var wrongLabels: Int64
    /// Parts classified since the previous row (under the previous row's error), and correctly.
    public var classified: Int64
    public var correct: Int64

    public init(time: Double, operation: Int32, kind: Int32, examples: Double, error: Double, correctLabels: Int64,
                wrongLabels: Int64, classified: Int64, correct: Int64) {
        self.time = time
        self.operation = operation
        self.kind = kind
        self.examples = examples
        self.error = error
        self.correctLabels = correctLabels
        self.wrongLabels = wrongLabels
        self.classified = classified
        self.correct = correct
    }
}
