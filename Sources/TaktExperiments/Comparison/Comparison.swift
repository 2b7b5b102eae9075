import Foundation
import TaktFactory
import TaktScenario

/// Runs the variants of a scenario side by side and compares their KPIs with paired differences.
///
/// Every variant runs the same replication indices with the same master seed, so replication r
/// of each variant draws from the same random streams per entity and purpose (common random
/// numbers, docs/random-streams.md); `streams: .independent` gives each variant its own seed
/// instead. All (variant, replication) pairs are dealt to `threads` workers — replication-major,
/// so pairs finish together — and results are stored by index: the outcome is bit-identical
/// whatever the number of threads.
///
/// ```swift
/// let base = try ScenarioLoader.load(path: "scenarios/job-shop.yaml")
/// let scenarios = try ComparisonVariants.load(["base", "third_lathe"], of: base)
/// let result = try Comparison(scenarios: scenarios, replications: 20).run()
/// for row in result.differences where row.significant { print(row.kpi, row.difference, row.differenceHalfWidth) }
/// ```
public struct Comparison: Sendable {
    /// One scenario per variant, the reference first (see `ComparisonVariants.load`).
    public var scenarios: [Scenario]
    /// Replications per variant (default: the reference's `run.replications`).
    public var replications: Int
    /// Master seed (default: the reference's `run.seed`).
    public var seed: UInt64
    /// Worker threads (default: the number of cores).
    public var threads: Int
    /// A warm-up in seconds for every variant, replacing the scenarios' own (nil: keep theirs).
    public var warmUp: Double?
    /// Common random numbers (the default) or independent streams.
    public var streams: ComparisonStreams
    /// What replications log for the recorder (nil: each variant's `recording:`).
    public var recording: RecordingOptions?
    /// Where runs, summaries and the comparison table go (nil: nowhere).
    public var recorder: ComparisonRecorder?
    /// Checked between slices of events: a request stops the comparison early.
    public var stop: StopSignal?

    /// - Precondition: at least two scenarios.
    public init(scenarios: [Scenario], replications: Int? = nil, seed: UInt64? = nil, threads: Int? = nil,
                warmUp: Double? = nil, streams: ComparisonStreams = .common, recording: RecordingOptions? = nil,
                recorder: ComparisonRecorder? = nil, stop: StopSignal? = nil) {
        precondition(scenarios.count >= 2, "a comparison needs at least two variants")
        self.scenarios = scenarios
        self.replications = replications ?? scenarios[0].run.replications
        self.seed = seed ?? scenarios[0].run.seed
        self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        self.warmUp = warmUp
        self.streams = streams
        self.recording = recording
        self.recorder = recorder
        self.stop = stop
    }

    /// The variants' names, as in result files: `"base"` or the variant's name.
    public var variantNames: [String] { scenarios.map { $0.variant ?? ComparisonVariants.base } }

    /// The confidence level of every interval: the reference's `run.confidence`.
    public var level: Double { scenarios[0].run.confidenceLevel }

    /// The scenarios as they run: seed, replications and warm-up applied.
    public var preparedScenarios: [Scenario] {
        scenarios.enumerated().map { position, scenario in
            var prepared = scenario
            prepared.run.seed = streams.seed(seed, variantAt: position)
            prepared.run.replications = replications
            if let warmUp { prepared.run.warmUp = warmUp }
            return prepared
        }
    }

    /// Checks the warm-up override against every variant's run length.
    /// - Throws: `ComparisonError` for a negative warm-up or one not shorter than a run.
    public func validate() throws {
        guard let warmUp else { return }
        guard warmUp >= 0, warmUp.isFinite else { throw ComparisonError("the warm-up must be zero or positive") }
        for scenario in scenarios where scenario.run.endTime.isFinite && warmUp >= scenario.run.endTime {
            throw ComparisonError("the warm-up (\(warmUp) s) must be shorter than the run "
                + "(\(scenario.run.endTime) s in variant \(scenario.variant ?? ComparisonVariants.base))")
        }
    }

    /// Runs every replication of every variant and compares them; `progress` is called from
    /// worker threads, often.
    /// - Throws: `ComparisonError` for a bad warm-up, or the first error of the recorder.
    public func run(progress: (@Sendable (ProgressReport) -> Void)? = nil) throws -> ComparisonOutcome {
        try validate()
        let names = variantNames
        let variants = names.count
        let experiments = preparedScenarios.enumerated().map { position, scenario in
            Experiment(scenario: scenario, replications: replications, seed: scenario.run.seed, threads: 1,
                       recording: recording, recorder: recorder?.recorder(for: names[position]), stop: stop)
        }
        let combined = progress.map { ComparisonProgress(variants: variants, replications: replications, report: $0) }
        let boards = (0..<variants).map {
            combined?.board(variant: $0) ?? ProgressBoard(replications: replications, report: nil)
        }
        let started = Date()
        let jobs = variants * replications
        let workers = min(threads, jobs)
        let (slots, error) = ParallelTasks.run(count: jobs, threads: workers, stop: stop) { job, failed in
            let (replication, variant) = job.quotientAndRemainder(dividingBy: variants)
            defer { boards[variant].finish(replication) }
            let (result, _) = try experiments[variant].runReplication(replication, board: boards[variant],
                                                                      failed: failed)
            try experiments[variant].recorder?.finishReplication(result)
            return result
        }
        if let error { throw error }
        let outcomes = experiments.indices.map { index in
            let results = stride(from: index, to: jobs, by: variants).compactMap { slots[$0] }
            return VariantOutcome(name: names[index], seed: experiments[index].seed, results: results,
                                  summaries: KPISummary.summarize(results, level: level))
        }
        let differences = outcomes.dropFirst().flatMap {
            ComparisonOutcome.pairedDifferences(outcomes[0], $0, level: level)
        }
        let result = ComparisonOutcome(
            scenarioName: scenarios[0].name, seed: seed, streams: streams, level: level,
            warmUp: warmUp ?? scenarios[0].run.warmUp, variants: outcomes, differences: differences,
            wallSeconds: Date().timeIntervalSince(started), threads: workers, interrupted: stop?.isRequested ?? false)
        try recorder?.finish(result)
        return result
    }
}
