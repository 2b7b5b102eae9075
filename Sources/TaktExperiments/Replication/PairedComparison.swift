import Foundation
import TaktKernel

/// Two variants of any `ExperimentModel` compared replication by replication under common
/// random numbers: replication r of both draws from the same streams, so the paired
/// differences cancel the noise the variants share (docs/random-streams.md).
///
/// ```swift
/// let outcome = try PairedComparison(replications: 30, seed: 7, limits: RunLimits(endTime: 8 * 3600),
///     a: ("three tellers", { streams, _ in Bank(tellers: 3, streams: streams) }),
///     b: ("four tellers", { streams, _ in Bank(tellers: 4, streams: streams) })).run()
/// for row in outcome where row.significant { print(row.kpi, row.difference, "±", row.differenceHalfWidth) }
/// ```
public struct PairedComparison<Model: ExperimentModel & ~Copyable>: Sendable {
    public typealias Variant = (name: String, make: Replications<Model>.Make)

    public var replications: Int
    public var seed: UInt64
    public var limits: RunLimits
    public var level: Double
    public var threads: Int
    let a: Variant
    let b: Variant

    public init(replications: Int, seed: UInt64, limits: RunLimits, level: Double = 0.95, threads: Int? = nil,
                a: Variant, b: Variant) {
        precondition(replications >= 2, "a paired interval needs at least two replications")
        self.replications = replications
        self.seed = seed
        self.limits = limits
        self.level = level
        self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        self.a = a
        self.b = b
    }

    /// Runs both variants (replication-major, so pairs finish together) and returns one paired
    /// difference (b − a) per KPI they share, in a's KPI order.
    public func run() throws -> [PairedDifference] {
        let sides = [a, b].map { variant in
            Replications(name: variant.name, replications: replications, seed: seed, limits: limits, level: level,
                         threads: 1, make: variant.make)
        }
        let (slots, error) = ParallelTasks.run(count: 2 * replications, threads: threads, stop: nil) { task, _ in
            let (replication, side) = task.quotientAndRemainder(dividingBy: 2)
            return try sides[side].runReplication(replication)
        }
        if let error { throw error }
        let outcomes = (0..<2).map { side in
            let results = stride(from: side, to: slots.count, by: 2).compactMap { slots[$0] }
            return VariantOutcome(name: sides[side].name, seed: seed, results: results,
                                  summaries: KPISummary.summarize(results, level: level))
        }
        return ComparisonOutcome.pairedDifferences(outcomes[0], outcomes[1], level: level)
    }
}
