/// How far an experiment has got, reported from worker threads as it runs.
public struct ProgressReport: Sendable {
    /// Fraction of the whole experiment done, in [0, 1].
    public var fraction: Double
    /// Model events handled so far, over all replications.
    public var events: Int
    /// Replications finished.
    public var replicationsDone: Int
    /// Replications in all.
    public var replications: Int
    /// Simulated seconds reached, summed over replications.
    public var simulatedSeconds: Double
}
