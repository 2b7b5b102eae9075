/// The actual value of one recipe parameter in one execution of an operation, as the process
/// logs it. Observable.
public struct ProcessReading: Sendable, Equatable {
    public var time: Double
    /// Job serial.
    public var job: Int64
    /// Route index (product's operation, flat over all products).
    public var operation: Int32
    /// Index of the parameter in the operation's recipe.
    public var parameter: Int32
    public var value: Double

    public init(time: Double, job: Int64, operation: Int32, parameter: Int32, value: Double) {
        self.time = time
        self.job = job
        self.operation = operation
        self.parameter = parameter
        self.value = value
    }
}

/// The verdict of one inspection: 0 = passed, k = rejected as defect class k. Observable.
public struct InspectionResult: Sendable, Equatable {
    public var time: Double
    public var job: Int64
    /// Route index of the inspecting operation.
    public var operation: Int32
    public var verdict: Int32

    public init(time: Double, job: Int64, operation: Int32, verdict: Int32) {
        self.time = time
        self.job = job
        self.operation = operation
        self.verdict = verdict
    }
}

/// A part became defective (class k ≥ 1): the simulator's secret, recorded apart from the
/// observations so analysts can judge inspections and controllers. Not part of any observation.
public struct DefectTruth: Sendable, Equatable {
    public var time: Double
    public var job: Int64
    public var defectClass: Int32

    public init(time: Double, job: Int64, defectClass: Int32) {
        self.time = time
        self.job = job
        self.defectClass = defectClass
    }
}
