import Foundation
import TaktKernel

/// Replications of any `ExperimentModel`, on all local cores, summarised with confidence
/// intervals: the experiment layer for a model that is not a Takt scenario.
///
/// Replication r always draws from `RandomStreams(seed: seed).replication(r)` and results are
/// stored by index, so the outcome is bit-identical whatever the number of threads.
///
/// ```swift
/// let result = try Replications(replications: 20, seed: 7, limits: RunLimits(endTime: 8 * 3600, warmUp: 3600)) {
///     streams, _ in Bank(tellers: 3, streams: streams)
/// }.run()
/// for kpi in result.summaries { print(kpi.name, kpi.interval.mean, "±", kpi.interval.halfWidth) }
/// ```
public struct Replications<Model: ExperimentModel & ~Copyable>: Sendable {
    /// Builds replication r's model from its streams (and its index).
    public typealias Make = @Sendable (_ streams: RandomStreams, _ replication: Int) -> Model

    public var name: String
    public var replications: Int
    public var seed: UInt64
    public var limits: RunLimits
    /// Confidence level of the intervals.
    public var level: Double
    /// Worker threads (default: the number of cores).
    public var threads: Int
    /// Checked between slices of events: a request stops the replications early.
    public var stop: StopSignal?
    let make: Make

    public init(name: String = "model", replications: Int, seed: UInt64, limits: RunLimits, level: Double = 0.95,
                threads: Int? = nil, stop: StopSignal? = nil, make: @escaping Make) {
        precondition(replications > 0, "at least one replication")
        self.name = name
        self.replications = replications
        self.seed = seed
        self.limits = limits
        self.level = level
        self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        self.stop = stop
        self.make = make
    }

    /// Runs replication `index` alone; deterministic in (seed, index).
    public func runReplication(_ index: Int) throws -> ReplicationResult {
        let streams = RandomStreams(seed: seed).replication(index)
        return try ReplicationRunner.run(make(streams, index), limits: limits, replication: index, seed: streams.seed,
                                         shouldStop: { stop?.isRequested ?? false })
    }

    /// Runs every replication and summarises each KPI.
    /// - Throws: the first replication's `RunFailure` (the others then stop early).
    public func run() throws -> ExperimentResult {
        let started = Date()
        let (slots, error) = ParallelTasks.run(count: replications, threads: threads, stop: stop) { index, _ in
            try runReplication(index)
        }
        if let error { throw error }
        let results = slots.compactMap { $0 }
        return ExperimentResult(scenarioName: name, seed: seed, results: results,
                                summaries: KPISummary.summarize(results, level: level),
                                wallSeconds: Date().timeIntervalSince(started), threads: min(threads, replications),
                                gantt: nil, interrupted: stop?.isRequested ?? false)
    }
}
