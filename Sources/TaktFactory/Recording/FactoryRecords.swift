/// Rows logged by a factory model since they were last taken (`FactoryModel.takeRecords()`).
///
/// The model appends plain rows to these arrays as it runs; the experiment layer takes them
/// between slices of events and hands them to a recorder (HDF5 or none), so memory stays bounded
/// by one slice however long the run, and the model never knows where rows go.
public struct FactoryRecords: Sendable {
    public var events: [EventRow] = []
    public var operations: [GanttRow] = []
    public var jobs: [JobRow] = []
    public var states: [StateRow] = []
    /// Time-series samples, row-major: each row is `timeseriesColumns.count` values.
    public var samples: [Double] = []
    /// Sensor readings (observable) and the hidden wear at the same instants (truth).
    public var sensors: [SensorReading] = []
    public var truth: [WearTruth] = []
    /// Actual recipe parameters and inspection verdicts (observable), defects made (truth).
    public var process: [ProcessReading] = []
    public var inspections: [InspectionResult] = []
    public var defects: [DefectTruth] = []
    /// Learning vision inspections at each retrain: what the plant saw (observable) and the
    /// classifier's true state (truth).
    public var vision: [VisionReading] = []
    public var visionTruth: [VisionTruth] = []

    public init() {}

    /// True when no row is waiting.
    public var isEmpty: Bool {
        events.isEmpty && operations.isEmpty && jobs.isEmpty && states.isEmpty && samples.isEmpty && sensors.isEmpty
            && truth.isEmpty
            && process.isEmpty && inspections.isEmpty && defects.isEmpty && vision.isEmpty && visionTruth.isEmpty
    }
}
