/// The outcome of a comparison: each variant's replications and the paired differences of every
/// variant after the first against the first.
public struct ComparisonOutcome: Sendable {
    /// The scenario's name.
    public var scenarioName: String
    /// The master seed.
    public var seed: UInt64
    /// Common random numbers or independent streams.
    public var streams: ComparisonStreams
    /// The confidence level of every interval.
    public var level: Double
    /// The warm-up of the reference variant, in seconds (the override when one was given).
    public var warmUp: Double
    /// The variants, the reference first.
    public var variants: [VariantOutcome]
    /// For each variant after the first, in order, one row per KPI the two share (in the
    /// reference's KPI order).
    public var differences: [PairedDifference]
    /// Wall-clock seconds for the whole comparison.
    public var wallSeconds: Double
    /// Threads used.
    public var threads: Int
    /// True when a stop request ended it early; differences then use the replications that
    /// completed in every variant.
    public var interrupted: Bool

    /// Model events over all variants and replications.
    public var events: Int { variants.reduce(0) { $0 + $1.results.reduce(0) { $0 + $1.events } } }

    /// The rows comparing `variant` with the reference.
    public func differences(of variant: String) -> [PairedDifference] {
        differences.filter { $0.variantB == variant }
    }

    /// Pairs replication r of `reference` with replication r of `other` (those complete in both)
    /// and compares every KPI the two report.
    static func pairedDifferences(_ reference: VariantOutcome, _ other: VariantOutcome, level: Double)
        -> [PairedDifference] {
        let complete = { (outcome: VariantOutcome) in
            Dictionary(outcome.results.filter { !$0.interrupted }.map { ($0.replication, $0) },
                       uniquingKeysWith: { a, _ in a })
        }
        let a = complete(reference), b = complete(other)
        let pairs = a.keys.filter { b[$0] != nil }.sorted().map { (a[$0]!, b[$0]!) }
        guard let first = pairs.first else { return [] }
        let otherNames = Set(first.1.kpis.map(\.name))
        let valuesA = pairs.map { pair in Dictionary(pair.0.kpis.map { ($0.name, $0.value) },
                                                     uniquingKeysWith: { x, _ in x }) }
        let valuesB = pairs.map { pair in Dictionary(pair.1.kpis.map { ($0.name, $0.value) },
                                                     uniquingKeysWith: { x, _ in x }) }
        return first.0.kpis.filter { otherNames.contains($0.name) }.compactMap { kpi in
            var sideA: [Double] = [], sideB: [Double] = []
            for index in pairs.indices {
                guard let x = valuesA[index][kpi.name], let y = valuesB[index][kpi.name] else { continue }
                sideA.append(x)
                sideB.append(y)
            }
            guard !sideA.isEmpty else { return nil }
            return PairedDifference(kpi: kpi.name, label: kpi.label, unit: kpi.unit, variantA: reference.name,
                                    variantB: other.name, a: sideA, b: sideB, level: level)
        }
    }
}
