/// One key performance indicator of one run: a named number with its unit.
public struct KPI: Sendable, Equatable, Codable {
    /// Stable snake_case name (used in JSON and, later, HDF5).
    public var name: String
    /// Words for a report.
    public var label: String
    /// Unit of `value`, e.g. "min", "1/h", "%", "" for a count.
    public var unit: String
    /// The value.
    public var value: Double
    /// The exact value from theory, when the model has one (e.g. Erlang C).
    public var theory: Double?

    public init(_ name: String, _ label: String, unit: String, value: Double, theory: Double? = nil) {
        self.name = name
        self.label = label
        self.unit = unit
        self.value = value
        self.theory = theory
    }
}

/// What one replication produced.
public struct ReplicationResult: Sendable, Codable {
    /// 0-based replication index.
    public var replication: Int
    /// Its seed (derived from the scenario seed and the index).
    public var seed: UInt64
    /// Its KPIs, in report order.
    public var kpis: [KPI]
    /// Model events handled.
    public var events: Int
    /// Simulated time at the end, in seconds.
    public var simulatedSeconds: Double
    /// Wall-clock seconds spent.
    public var wallSeconds: Double
    /// True if a stop request ended it before its run limits.
    public var interrupted: Bool = false
    /// What its controllers learned (`MaintenanceController.learnedModel()`), by controller name.
    public var learnedModels: [String: [String: [Double]]]? = nil
}
