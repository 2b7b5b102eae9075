import TaktKernel

/// A model the experiment layer can replicate, compare and sweep: any `DiscreteEventModel` that
/// reports its KPIs.
///
/// Conform a model written on the kernel alone and run it through `Replications` (confidence
/// intervals over replications) and `PairedComparison` (paired differences under common random
/// numbers), on all cores, with results independent of the thread count:
///
/// ```swift
/// struct Bank: ExperimentModel, ~Copyable {
///     // start(calendar:), handle(_:calendar:), resetStatistics(at:) as for any model …
///     func kpis() -> [KPI] { [KPI("wait", "Mean wait", unit: "min", value: waits.mean / 60)] }
/// }
/// let result = try Replications(replications: 20, seed: 1, limits: RunLimits(endTime: 8 * 3600)) { streams, _ in
///     Bank(tellers: 3, streams: streams)
/// }.run()
/// ```
///
/// The factory model takes part through `FactoryReplication`, the M/M/c reference model
/// directly; both run through the same `ReplicationRunner` loop.
public protocol ExperimentModel: DiscreteEventModel, SendableMetatype, ~Copyable {
    /// The run's KPIs, after `Simulation.finish()`. Every replication must list the same names
    /// in the same order (they are summarised and paired by name).
    func kpis() -> [KPI]

    /// How far the run has got, in 0…1, for progress reports; nil: by simulated time against a
    /// finite end time (or unknown).
    func progress(now: SimTime) -> Double?

    /// Why the run stopped with no valid results (the model's own verdict), or nil.
    var runFailure: String? { get }

    /// A readable description of an event, for the message of a run that failed on it.
    func describe(_ event: Event) -> String

    /// Advice for a run whose clock stood still, after the next event is named (default: generic).
    var noProgressAdvice: String { get }

    /// Advice for a run that computed an impossible event time (default: generic).
    var faultAdvice: String { get }

    /// Hands the rows logged since the last call to `recorder` (between slices of events, and
    /// once at the end). The default logs nothing.
    mutating func handOverRecords(to recorder: any ExperimentRecorder, replication: Int) throws
}

extension ExperimentModel where Self: ~Copyable {
    public func progress(now: SimTime) -> Double? { nil }
    public var runFailure: String? { nil }
    public func describe(_ event: Event) -> String { "event \(event)" }
    public var noProgressAdvice: String {
        "A loop of events at zero time, or time steps below the clock's resolution"
    }
    public var faultAdvice: String { "Check the model's laws (docs/limits.md)" }
    public mutating func handOverRecords(to recorder: any ExperimentRecorder, replication: Int) throws {}
}
