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

    /// Summaries of every KPI, in the order of the first replication. KPIs are matched by name;
    /// a KPI some replication lacks is summarised over the replications that have it.
    public static func summarize(_ results: [ReplicationResult], level: Double) -> [KPISummary] {
        guard let first = results.first else { return [] }
        let byName = results.map { result in Dictionary(result.kpis.map { ($0.name, $0.value) },
                                                        uniquingKeysWith: { a, _ in a }) }
        return first.kpis.indices.map { index in
            let kpi = first.kpis[index]
            let values = byName.compactMap { $0[kpi.name] }
            return KPISummary(name: kpi.name, label: kpi.label, unit: kpi.unit,
                              interval: ConfidenceInterval(values, level: level), theory: kpi.theory)
        }
    }
}
