/// When a run stops and when its warm-up ends.
public struct RunLimits: Sendable, Equatable {
    /// Stop when the next event would be later than this time; the clock is then set to it.
    public var endTime: SimTime
    /// Statistics collected before this time are discarded (`DiscreteEventModel.resetStatistics`).
    public var warmUp: SimTime
    /// Stop after this many events (a safety net against runaway models): `.maxEvents`.
    public var maxEvents: Int
    /// Stop when this many events in a row run at one instant (a loop at zero time, or time
    /// steps below the clock's resolution): `.noProgress`.
    public var maxEventsAtOneInstant: Int

    /// The default of `maxEventsAtOneInstant`: ten million events without the clock moving.
    public static let defaultMaxEventsAtOneInstant = 10_000_000

    public init(endTime: SimTime = .infinity, warmUp: SimTime = 0, maxEvents: Int = .max,
                maxEventsAtOneInstant: Int = RunLimits.defaultMaxEventsAtOneInstant) {
        precondition(warmUp >= 0, "warm-up must not be negative")
        precondition(!endTime.isNaN && endTime >= warmUp, "end time must not precede warm-up")
        precondition(maxEvents >= 0, "event limit must not be negative")
        precondition(maxEventsAtOneInstant > 0, "the no-progress limit must be positive")
        self.endTime = endTime
        self.warmUp = warmUp
        self.maxEvents = maxEvents
        self.maxEventsAtOneInstant = maxEventsAtOneInstant
    }
}

/// Why `Simulation.run` returned.
public enum StopReason: String, Sendable, Equatable {
    /// The end time was reached.
    case endTime
    /// No events were left to run.
    case calendarEmpty
    /// The model called `requestStop()` (e.g. after a target count of parts).
    case modelRequested
    /// The event budget of this call was reached; calling `run` again continues the run.
    case eventLimit
    /// The run's own event limit (`RunLimits.maxEvents`) was reached.
    case maxEvents
    /// The clock stood still for `RunLimits.maxEventsAtOneInstant` events in a row.
    case noProgress
    /// The model scheduled an event at an impossible time (`EventCalendar.fault` says which).
    case fault
}
