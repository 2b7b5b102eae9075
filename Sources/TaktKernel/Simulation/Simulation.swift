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
public struct Simulation<Model: DiscreteEventModel & ~Copyable>: ~Copyable {
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
    /// The time of the last event run, and how many events in a row ran at it (no-progress watch).
    @usableFromInline var instant: SimTime = -.infinity
    @usableFromInline var eventsAtInstant = 0

    /// Creates the simulation and lets the model schedule its first events.
    public init(model: consuming Model, limits: RunLimits = RunLimits(), start: SimTime = 0) {
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
    ///
    /// An empty calendar before a finite end time moves the clock to the end time (nothing more
    /// happens, but the run lasts as long as asked) and returns `.endTime`. A run whose clock
    /// stands still for `limits.maxEventsAtOneInstant` events in a row returns `.noProgress`;
    /// one whose model scheduled an impossible time returns `.fault` (see `EventCalendar.fault`).
    @inlinable
    public mutating func run(maxEvents budget: Int = .max) -> StopReason {
        calendar.clearStopRequest()
        if calendar.fault != nil { return .fault }
        let eventLimit = limits.maxEvents
        let instantLimit = limits.maxEventsAtOneInstant
        var remaining = budget
        while true {
            if calendar.eventsProcessed >= eventLimit { return .maxEvents }
            if remaining == 0 { return .eventLimit }
            guard let nextTime = calendar.nextTime() else {
                endWarmUpIfDue(at: limits.warmUp)
                guard limits.endTime.isFinite else { return .calendarEmpty }
                calendar.advance(to: limits.endTime)
                return .endTime
            }
            if nextTime > limits.endTime {
                endWarmUpIfDue(at: limits.warmUp)
                calendar.advance(to: limits.endTime)
                return .endTime
            }
            if nextTime == instant {
                eventsAtInstant &+= 1
                if eventsAtInstant >= instantLimit { return .noProgress }
            } else {
                instant = nextTime
                eventsAtInstant = 0
            }
            if !_warmUpDone && nextTime >= limits.warmUp { endWarmUpIfDue(at: limits.warmUp) }
            let event = calendar.popNext()!
            model.handle(event.payload, calendar: &calendar)
            remaining &-= 1
            if calendar.isStopRequested { return calendar.fault == nil ? .modelRequested : .fault }
        }
    }

    /// Ends the simulation and hands over its model (for a caller that keeps the model, not the run).
    public consuming func takeModel() -> Model { model }

    /// The next pending event, if any (for describing where a run stopped making progress).
    public mutating func nextEvent() -> Model.Event? { calendar.peekNextPayload() }

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
