/// Runs a `DiscreteEventModel`: pops events in order and hands each to the model.
///
/// ```swift
/// var simulation = Simulation(model: myModel, limits: RunLimits(endTime: 10_000, warmUp: 1_000))
/// while simulation.run(maxEvents: 1_000_000) == .eventLimit { showProgress(simulation.now) }
/// simulation.finish()
/// ```
///
/// `run` may be called repeatedly with an event budget so that a caller can report progress
/// between slices; the result is the same as one call. The loop itself allocates nothing.
public struct Simulation<Model: DiscreteEventModel>: ~Copyable {
    /// The model, with its state and statistics.
    public var model: Model
    /// The future event list.
    public var calendar: EventCalendar<Model.Event>
    /// The run's limits.
    public let limits: RunLimits
    /// True once `resetStatistics` has been called at the end of warm-up.
    public var warmUpDone: Bool { _warmUpDone }
    @usableFromInline var _warmUpDone: Bool
    /// True once `finish()` has closed the run.
    public private(set) var isFinished = false

    /// Creates the simulation and lets the model schedule its first events.
    public init(model: Model, limits: RunLimits = RunLimits(), start: SimTime = 0) {
        self.model = model
        self.limits = limits
        self.calendar = EventCalendar(start: start)
        self._warmUpDone = limits.warmUp <= start
        self.model.start(calendar: &calendar)
    }

    /// The simulation clock.
    public var now: SimTime { calendar.now }

    /// Events handled so far.
    public var eventsProcessed: Int { calendar.eventsProcessed }

    /// Runs events until a limit, the model or an empty calendar stops it, or until `maxEvents`
    /// more events have been handled in this call.
    @inlinable
    public mutating func run(maxEvents budget: Int = .max) -> StopReason {
        calendar.clearStopRequest()
        let eventLimit = limits.maxEvents
        var remaining = budget
        while true {
            if calendar.eventsProcessed >= eventLimit { return .eventLimit }
            if remaining == 0 { return .eventLimit }
            guard let nextTime = calendar.nextTime() else {
                endWarmUpIfDue(at: Swift.min(limits.warmUp, limits.endTime))
                return .calendarEmpty
            }
            if nextTime > limits.endTime {
                endWarmUpIfDue(at: limits.warmUp)
                calendar.advance(to: limits.endTime)
                return .endTime
            }
            if !_warmUpDone && nextTime >= limits.warmUp { endWarmUpIfDue(at: limits.warmUp) }
            let event = calendar.popNext()!
            model.handle(event.payload, calendar: &calendar)
            remaining &-= 1
            if calendar.isStopRequested { return .modelRequested }
        }
    }

    /// Closes the run: time-weighted statistics are integrated up to `now`.
    public mutating func finish() {
        guard !isFinished else { return }
        isFinished = true
        model.finish(at: calendar.now)
    }

    @inlinable
    mutating func endWarmUpIfDue(at time: SimTime) {
        guard !_warmUpDone else { return }
        _warmUpDone = true
        if time > calendar.now { calendar.advance(to: time) }
        model.resetStatistics(at: calendar.now)
    }
}
