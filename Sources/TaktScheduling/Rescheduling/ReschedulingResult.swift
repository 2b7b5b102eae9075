/// What `ReschedulingOptimiser` found.
public struct ReschedulingResult: Sendable, Equatable {
    /// The plan: every operation with its machine and times (job = snapshot job index,
    /// operation = position among that job's remaining operations), in decoding order.
    public var operations: [ScheduledOperation]
    /// The objective's value of the plan.
    public var value: Double
    /// The rule whose schedule seeded the search, and its value.
    public var startRule: String
    public var startValue: Double
    /// Search iterations run (each decodes one schedule).
    public var iterations: Int
    /// Operations decoded over the whole search (its work, independent of the machine's speed).
    public var decodedOperations: Int
}
