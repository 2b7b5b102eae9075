/// A model that the simulation loop can run: it reacts to its own events by changing its state
/// and scheduling further events.
///
/// The model owns its entities (in flat arrays, addressed by integer index) and its statistics;
/// the `Simulation` owns the calendar and the clock. Conforming types are usually structs, and
/// `Event` a small enum, so the loop is a tight switch with no dynamic dispatch.
///
/// A model may be non-copyable (`~Copyable`), and a large one should be: then no call can copy
/// it by accident (a non-mutating method borrows it instead of copying it onto the stack), which
/// Swift otherwise does silently for a struct held in a mutating context.
public protocol DiscreteEventModel: ~Copyable {
    /// The model's event payload: keep it small (an enum with integer associated values).
    associatedtype Event

    /// Schedules the model's first events. Called once by `Simulation.init`.
    mutating func start(calendar: inout EventCalendar<Event>)

    /// Handles one event at `calendar.now`.
    mutating func handle(_ event: Event, calendar: inout EventCalendar<Event>)

    /// Discards statistics collected so far; called once when the warm-up period ends, with the
    /// clock at the end of warm-up. The model state (queues, machines) is kept.
    mutating func resetStatistics(at time: SimTime)

    /// Closes time-weighted statistics at the end of the run.
    mutating func finish(at time: SimTime)
}

extension DiscreteEventModel where Self: ~Copyable {
    public mutating func resetStatistics(at time: SimTime) {}
    public mutating func finish(at time: SimTime) {}
}
