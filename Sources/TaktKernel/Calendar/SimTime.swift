/// A point on the simulation clock.
///
/// The kernel gives time no unit: a model chooses one (the factory model uses seconds,
/// the queueing models use the unit of their rates) and keeps to it. Times are finite and
/// never NaN; the calendar refuses anything else with a precondition failure.
public typealias SimTime = Double
