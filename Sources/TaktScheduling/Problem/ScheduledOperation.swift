/// One operation placed in time: which job and step it is, where and when it runs.
public struct ScheduledOperation: Sendable, Equatable, Hashable {
    /// 0-based job index, in file order.
    public var job: Int
    /// 0-based position of the operation in its job.
    public var operation: Int
    /// 0-based machine index (the file's numbering is restored only when printing).
    public var machine: Int
    /// Start time, in the file's units.
    public var start: Int
    /// End time: `start` plus the duration on `machine`.
    public var end: Int

    public init(job: Int, operation: Int, machine: Int, start: Int, end: Int) {
        self.job = job
        self.operation = operation
        self.machine = machine
        self.start = start
        self.end = end
    }
}
