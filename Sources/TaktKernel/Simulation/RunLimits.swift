/// When a run stops and when its warm-up ends.
public struct RunLimits: Sendable, Equatable {
    /// Stop when the next event would be later than this time; the clock is then set to it.
    public var endTime: SimTime
    /// Statistics collected before this time are discarded (`DiscreteEventModel.resetStatistics`).
    public var warmUp: SimTime
    /// Stop after this many events (a safety net against runaway models).
    public var maxEvents: Int

    public init(endTime: SimTime = .infinity, warmUp: SimTime = 0, maxEvents: Int = .max) {
        precondition(warmUp >= 0, "warm-up must not be negative")
        precondition(!endTime.isNaN && endTime >= warmUp, "end time must not precede warm-up")
        precondition(maxEvents >= 0, "event limit must not be negative")
        self.endTime = endTime
        self.warmUp = warmUp
        self.maxEvents = maxEvents
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
    /// The event limit of this call was reached; calling `run` again continues the run.
    case eventLimit
}
