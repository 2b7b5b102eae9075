/// A complete schedule of a `SchedulingProblem`: every operation with its machine and times.
///
/// Nothing here guarantees feasibility; `ScheduleCheck` does, and every schedule `takt schedule`
/// prints has passed it.
public struct Schedule: Sendable, Equatable {
    /// The operations, job by job and in each job in processing order (file order).
    public var operations: [ScheduledOperation]

    public init(operations: [ScheduledOperation]) { self.operations = operations }

    /// The last end time (0 for an empty schedule).
    public var makespan: Int { operations.map(\.end).max() ?? 0 }
}
