import Foundation
import TaktFactory
import TaktKernel
import TaktScenario

/// Runs a scenario's replications on all local cores and gathers their KPIs.
///
/// Replication r always uses the streams `RandomStreams(seed).replication(r)` and results are
/// stored by index, so the outcome is bit-identical whatever the number of threads and the
/// order in which replications finish.
public struct Experiment: Sendable {
    /// The scenario.
    public var scenario: Scenario
    /// Replications to run (default: the scenario's).
    public var replications: Int
    /// Master seed (default: the scenario's).
    public var seed: UInt64
    /// Worker threads (default: the number of cores).
    public var threads: Int
    /// Keep the Gantt record of replication 0 (factory models), for charts and files.
    public var keepGantt: Bool
    /// What factory replications log for the recorder.
    public var recording: RecordingOptions
    /// Where logged rows, KPIs and the summary go (nil: nowhere).
    public var recorder: (any ExperimentRecorder)?
    /// Checked between slices of events: a request stops the experiment early.
    public var stop: StopSignal?

    public init(scenario: Scenario, replications: Int? = nil, seed: UInt64? = nil, threads: Int? = nil,
                keepGantt: Bool = false, recording: RecordingOptions? = nil, recorder: (any ExperimentRecorder)? = nil,
                stop: StopSignal? = nil) {
        self.keepGantt = keepGantt
        self.recorder = recorder
        self.recording = recorder == nil ? .kpisOnly : (recording ?? scenario.recording)
        self.stop = stop
        self.scenario = scenario
        self.replications = replications ?? scenario.run.replications
        self.seed = seed ?? scenario.run.seed
        self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Runs every replication; `progress` is called from worker threads, often.
    ///
    /// - Throws: the first error of the recorder (the other replications then stop early).
    public func run(progress: (@Sendable (ProgressReport) -> Void)? = nil) throws -> ExperimentResult {
        let board = ProgressBoard(replications: replications, report: progress)
        let gantt = GanttSlot()
        let capture = keepGantt ? GanttIntervalCapture(inner: recorder, passStates: recording.states) : nil
        let sink = capture ?? recorder
        let started = Date()
        let workers = min(threads, replications)
        let (slots, error) = ParallelTasks.run(count: replications, threads: workers, stop: stop) { index, failed in
            defer { board.finish(index) }
            let (result, rows) = try runReplication(index, board: board, failed: failed, capture: capture)
            try sink?.finishReplication(result)
            if index == 0, let rows { gantt.store(rows) }
            return result
        }
        if let error { throw error }
        let all = slots.compactMap { $0 }
        let result = ExperimentResult(
            scenarioName: scenario.name, seed: seed, results: all,
            summaries: KPISummary.summarize(all, level: scenario.run.confidenceLevel),
            wallSeconds: Date().timeIntervalSince(started), threads: workers, gantt: gantt.rows,
            ganttIntervals: gantt.rows == nil ? nil : capture?.intervals, interrupted: stop?.isRequested ?? false)
        try sink?.finishExperiment(result)
        return result
    }

    /// Runs replication `index` alone (what a worker does); deterministic in (scenario, seed, index).
    public func runReplication(_ index: Int) throws -> ReplicationResult {
        try runReplication(index, board: ProgressBoard(replications: replications, report: nil),
                           failed: { false }).result
    }

    /// With `capture` (a Gantt chart is asked for), replication 0 also logs machine states for the
    /// capture, which passes every row on to the recorder.
    func runReplication(_ index: Int, board: ProgressBoard, failed: @escaping @Sendable () -> Bool,
                        capture: GanttIntervalCapture? = nil) throws
        -> (result: ReplicationResult, gantt: [GanttRow]?) {
        let streams = RandomStreams(seed: seed).replication(index)
        let shouldStop = { @Sendable in (stop?.isRequested ?? false) || failed() }
        switch scenario.model {
        case .queue(let configuration):
            let result = try QueueRunner.run(configuration, streams: streams, settings: scenario.run,
                                             replication: index,
                                         shouldStop: shouldStop) {
                board.update(index, fraction: $0, events: $1, simulated: $2)
            }
            return (result, nil)
        case .factory(var configuration):
            let keep = keepGantt && index == 0
            if keep { configuration.recordGantt = true }
            var options = recording
            if keep && capture != nil { options.states = true }
            let (result, rows) = try FactoryReplication.run(
                configuration, streams: streams, settings: scenario.run, replication: index,
                controllers: scenario.controllers,
                recording: options,
                recorder: capture ?? recorder, shouldStop: shouldStop) {
                board.update(index, fraction: $0, events: $1, simulated: $2)
            }
            return (result, keep ? rows : nil)
        }
    }
}

/// The outcome of an experiment.
public struct ExperimentResult: Sendable {
    public var scenarioName: String
    public var seed: UInt64
    /// One result per replication, in index order.
    public var results: [ReplicationResult]
    /// One summary per KPI.
    public var summaries: [KPISummary]
    /// Wall-clock seconds for the whole experiment.
    public var wallSeconds: Double
    /// Threads used.
    public var threads: Int
    /// The Gantt record of replication 0, when it was asked for.
    public var gantt: [GanttRow]?
    /// Replication 0's down and maintenance intervals, kept with `gantt` to draw beside the operations.
    public var ganttIntervals: [StateRow]?
    /// True when a stop request ended the experiment early: some replications may be missing
    /// or shorter than asked (each says so).
    public var interrupted: Bool = false

    /// Model events over all replications.
    public var events: Int { results.reduce(0) { $0 + $1.events } }
}
