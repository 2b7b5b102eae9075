/// A dispatching decision made outside the built-in rules: the seam where a scheduling
/// controller (a learned policy, a researcher's heuristic) plugs into the factory model.
///
/// When a machine of the station is free, the model calls `select` with the jobs that can start
/// now (components present, materials in stock), in queue order, and starts the one returned.
/// The policy sees only what a real shop-floor system knows: standard (expected) times, due dates,
/// priorities, queue positions — never the random durations the simulator will draw.
///
/// ```swift
/// struct LastInFirstOut: DispatchPolicy {
///     func select(from candidates: [DispatchCandidate], station: Int, now: Double) -> Int {
///         candidates.indices.max { candidates[$0].queueEntryTime < candidates[$1].queueEntryTime }!
///     }
/// }
/// let model = FactoryModel(configuration, streams: streams, dispatchPolicies: [2: LastInFirstOut()])
/// ```
public protocol DispatchPolicy: Sendable {
    /// The index in `candidates` (never empty) of the job to start next at `station`.
    func select(from candidates: [DispatchCandidate], station: Int, now: Double) -> Int
}

/// What a dispatcher may know about a waiting job.
public struct DispatchCandidate: Sendable, Equatable {
    /// Creation order of the job (unique; the conventional tie-break).
    public var serial: Int64
    public var product: Int
    /// Index of the operation waiting to be done.
    public var operation: Int
    public var quantity: Int
    /// Expected processing time of this operation for the whole job (seconds).
    public var expectedTime: Double
    /// Expected work left in the job, this operation included (seconds).
    public var remainingWork: Double
    /// Operations left, this one included.
    public var operationsLeft: Int
    /// Absolute due date (seconds; +∞ when none).
    public var dueDate: Double
    /// Order priority (lower is more urgent).
    public var priority: Int
    /// When the job joined this queue.
    public var queueEntryTime: Double
    /// Setup family of the product.
    public var family: Int
}
