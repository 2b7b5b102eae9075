/// Decides which job starts next on which machine, plant-wide: the seam for a scheduling
/// controller — the built-in dispatching rules (`DispatchRuleScheduler`), an optimiser's plan,
/// a learned dispatcher, a researcher's heuristic.
///
/// The model calls `dispatch(at:shop:)` whenever a station has a free machine and jobs waiting
/// (a job arrives, a machine finishes, is repaired, comes on shift; materials arrive), after every
/// other event of the same instant has run, and again after each start it asked for, until it
/// asks for nothing. Asking for nothing while machines are free **holds the work back**: the
/// machines wait (idle) until the next call. A controller may ask to be called at a time of its
/// choosing (`nextReview`: then every station with free machines and waiting jobs is offered)
/// and may follow shop events (`observe`) to keep its own state.
///
/// It sees only what a shop-floor system knows (`ShopObservation`): queues with standard times,
/// routings, due dates and priorities; machine states and setups. Never the durations the
/// simulator will draw, nor hidden wear or defects. Batch stations keep their batching rules
/// and are not offered.
///
/// ```swift
/// struct LongestQueueFirst: SchedulingController {   // the rule, plant-wide: a toy
///     var name: String { "longest-queue" }
///     mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
///         guard let job = shop.queues[station].first(where: \.canStart),
///               let machine = shop.freeMachines(at: station).first else { return [] }
///         return [Assignment(job: job.serial, machine: machine)]
///     }
/// }
/// ```
public protocol SchedulingController: Sendable {
    /// Name for reports and logs (its figures are KPIs named `<name>.<metric>`).
    var name: String { get }
    /// When the controller wants to be offered every station again (nil: only when work or
    /// machines change).
    var nextReview: Double? { get }
    /// Does the controller follow shop events (`observe`)? Building the observation for every
    /// event costs time, so the model asks only controllers that say yes.
    var observesEvents: Bool { get }
    /// Machines are free at `station` and jobs wait there: the jobs to start now, each on a free
    /// machine of the station (usually one; none holds the work back). A start the model cannot
    /// make (the job is not waiting or cannot start, the machine is not free) is skipped and
    /// counted in the `scheduling.rejected` KPI; one waiting for an operator waits.
    mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment]
    /// A shop event happened (only when `observesEvents`).
    mutating func observe(_ event: ShopEvent, shop: ShopObservation)
    /// The controller's own figures for the report, from what it observed.
    func metrics() -> [ControllerMetric]
}

extension SchedulingController {
    public var nextReview: Double? { nil }
    public var observesEvents: Bool { false }
    public mutating func observe(_ event: ShopEvent, shop: ShopObservation) {}
    public func metrics() -> [ControllerMetric] { [] }
}

/// "Start job `job` (its serial) on machine `machine` (global index) now."
public struct Assignment: Sendable, Equatable, Hashable {
    public var job: Int64
    public var machine: Int

    public init(job: Int64, machine: Int) {
        self.job = job
        self.machine = machine
    }
}
