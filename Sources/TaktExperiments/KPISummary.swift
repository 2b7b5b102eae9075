import TaktKernel

/// A KPI across replications: its confidence interval, and the theory value if there is one.
public struct KPISummary: Sendable {
    public var name: String
    public var label: String
    public var unit: String
    /// Student-t interval over the replication values (infinite half-width with one replication).
    public var interval: ConfidenceInterval
    /// The exact value from theory, when the model has one.
    public var theory: Double?

    /// Summaries of every KPI, in the order of the first replication.
    public static func summarize(_ results: [ReplicationResult], level: Double) -> [KPISummary] {
        guard let first = results.first else { return [] }
        return first.kpis.indices.map { index in
            let kpi = first.kpis[index]
            let values = results.map { $0.kpis[index].value }
            return KPISummary(name: kpi.name, label: kpi.label, unit: kpi.unit,
                              interval: ConfidenceInterval(values, level: level), theory: kpi.theory)
        }
    }
}
