/// One operation as it happened: the Gantt record.
public struct GanttRow: Sendable, Equatable {
    /// The job's serial number (creation order).
    public var job: Int64
    public var product: Int32
    /// Index of the operation in the product's routing.
    public var operation: Int32
    public var station: Int32
    /// Global machine index (stations' machines are numbered consecutively).
    public var machine: Int32
    /// Start of the setup before the step (NaN: no setup).
    public var setupStart: Double
    /// Start and end of the step (a failure inside the step lengthens it).
    public var start: Double
    public var end: Double
    public var outcome: Outcome

    public init(job: Int64, product: Int32, operation: Int32, station: Int32, machine: Int32, setupStart: Double,
                start: Double, end: Double, outcome: Outcome) {
        self.job = job
        self.product = product
        self.operation = operation
        self.station = station
        self.machine = machine
        self.setupStart = setupStart
        self.start = start
        self.end = end
        self.outcome = outcome
    }

    /// What became of the job after the step.
    public enum Outcome: UInt8, Sendable {
        /// On to its next operation.
        case next = 0
        /// Routing complete.
        case finished = 1
        /// Scrapped.
        case scrapped = 2
        /// Sent back for rework.
        case rework = 3
    }
}
