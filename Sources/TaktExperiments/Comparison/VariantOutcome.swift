/// What one variant of a comparison produced.
public struct VariantOutcome: Sendable {
    /// The variant's name (`"base"` for the scenario without overlay).
    public var name: String
    /// The master seed it ran with (the comparison's seed under common random numbers).
    public var seed: UInt64
    /// One result per replication, in index order (fewer when the comparison was stopped).
    public var results: [ReplicationResult]
    /// One summary per KPI, over all its replications.
    public var summaries: [KPISummary]
}
