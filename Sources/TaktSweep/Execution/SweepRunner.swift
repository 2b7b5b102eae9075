import Foundation
import TaktExperiments
import TaktFactory
import TaktRecording
import TaktScenario

/// Runs runs of a sweep on local threads, each run into its own HDF5 file.
///
/// A run whose file is complete is skipped, so an interrupted sweep resumes where it stopped.
/// A run is written under a temporary name and renamed when whole; one that fails leaves a
/// failure record (error, exit code) and does not stop the others; one interrupted by a stop
/// request leaves only its temporary file. Each run is single-threaded and depends only on the
/// sweep and its index, so results do not depend on `jobs` or on which process runs what.
public struct SweepRunner: Sendable {
    public var sweep: Sweep
    public var layout: SweepLayout
    /// Runs at a time (threads).
    public var jobs: Int
    /// The array task this process serves, recorded with failures.
    public var task: Int?
    /// Checked between slices of events; a request stops every run in progress.
    public var stop: StopSignal?
    /// Provenance written into every run file.
    public var taktVersion: String
    public var gitCommit: String
    /// Shuffle + gzip on the streamed tables of run files.
    public var compress: Bool
    /// The sweep's fingerprint, computed once (it is written into every run file).
    let fingerprint: String

    public init(sweep: Sweep, layout: SweepLayout, jobs: Int, task: Int? = nil, stop: StopSignal? = nil,
                taktVersion: String, gitCommit: String, compress: Bool = true) {
        self.sweep = sweep
        self.layout = layout
        self.jobs = max(1, jobs)
        self.task = task
        self.stop = stop
        self.taktVersion = taktVersion
        self.gitCommit = gitCommit
        self.compress = compress
        self.fingerprint = sweep.fingerprint
    }

    /// Runs `runs` (indices), skipping those already complete; `progress` is called from
    /// worker threads. Prepares the output folder first.
    /// - Throws: `SweepError` when the output folder cannot be used; failures of single runs
    ///   are not thrown but recorded and counted.
    public func run(_ runs: [Int], progress: (@Sendable (SweepProgress) -> Void)? = nil) throws -> SweepOutcome {
        try layout.prepare(for: sweep)
        let started = Date()
        let states = layout.scan(runCount: sweep.runCount)
        let skipped = runs.filter { states[$0].isComplete }
        let pending = runs.filter { !states[$0].isComplete }
        let board = SweepBoard(total: runs.count, alreadyDone: skipped.count, report: progress)
        let scenarios = PointScenarios(sweep)
        let (outcomes, _) = ParallelTasks.run(count: pending.count, threads: jobs, stop: stop) { task, _ in
            let run = pending[task]
            let outcome = runOne(run, scenarios: scenarios, board: board)
            board.finish(run, failed: outcome == .failed)
            return outcome
        }
        var byRun: [Int: RunOutcome] = [:]
        for (task, outcome) in outcomes.enumerated() { byRun[pending[task]] = outcome }
        func having(_ kind: RunOutcome) -> [Int] { pending.filter { byRun[$0] == kind } }
        return SweepOutcome(skipped: skipped, completed: having(.complete), failed: having(.failed),
                            interrupted: having(.interrupted), notStarted: pending.filter { byRun[$0] == nil },
                            wallSeconds: Date().timeIntervalSince(started))
    }

    /// The recording options of a run of `scenario`.
    func recordingOptions(_ scenario: Scenario) -> RecordingOptions {
        switch sweep.record {
        case .kpis: return .kpisOnly
        case .standard: return scenario.recording
        case .all: return .full(sampleInterval: scenario.recording.sampleInterval ?? 3600)
        }
    }

    func runOne(_ run: Int, scenarios: PointScenarios, board: SweepBoard) -> RunOutcome {
        let (point, replication) = sweep.run(run)
        let seed = sweep.seed(point: point, replication: replication)
        layout.clearAttempt(run)
        func fail(_ message: String, exitCode: Int32) -> RunOutcome {
            let record = FailureRecord(run: run, point: point, replication: replication, seed: seed, exitCode: exitCode,
                                       error: message, host: ProcessInfo.processInfo.hostName,
                                       time: ISO8601DateFormatter().string(from: Date()), task: task)
            for path in [layout.temporaryFile(run), layout.temporaryFile(run) + ".partial"] {
                try? FileManager.default.removeItem(atPath: path)
            }
            do {
                try record.write(to: layout.failureFile(run))
            } catch {
                FileHandle.standardError.write(Data(("takt: run \(run) failed (\(message)) and its record could not "
                                                         + "be written: \(error)\n").utf8))
            }
            return .failed
        }
        let scenario: Scenario
        do {
            scenario = try scenarios.scenario(forPoint: point)
        } catch let error as ScenarioError {
            return fail(error.diagnostics.map(\.description).joined(separator: "\n"), exitCode: 2)
        } catch {
            return fail("\(error)", exitCode: 2)
        }
        let temporary = layout.temporaryFile(run)
        let recorder: HDF5Recorder
        do {
            recorder = try HDF5Recorder(path: temporary, scenario: scenario, seed: seed, replications: 1,
                                        taktVersion: taktVersion, gitCommit: gitCommit, compress: compress)
        } catch {
            return fail("cannot create \(temporary): \(error)", exitCode: 1)
        }
        let experiment = Experiment(scenario: scenario, replications: 1, seed: seed, threads: 1,
                                    recording: recordingOptions(scenario), recorder: recorder, stop: stop)
        let result: ExperimentResult
        do {
            result = try experiment.run { board.update(run, fraction: $0.fraction, events: $0.events) }
        } catch {
            recorder.abandon()
            return fail("the run failed: \(error)", exitCode: 1)
        }
        if result.interrupted { return .interrupted }
        do {
            try annotate(temporary, run: run, point: point, replication: replication, seed: seed)
            guard rename(temporary, layout.runFile(run)) == 0 else {
                throw SweepError("cannot rename \(temporary): \(String(cString: strerror(errno)))")
            }
        } catch {
            return fail("cannot finish \(temporary): \(error)", exitCode: 1)
        }
        return .complete
    }

    /// Adds the group `/sweep` to a run file: which sweep, run, point and values it belongs to.
    func annotate(_ path: String, run: Int, point: Int, replication: Int, seed: UInt64) throws {
        let values = sweep.points[point].values
        try ResultFileReader.annotate(path: path, group: "sweep", attributes: [
            ("sweep_name", .string(sweep.name)),
            ("sweep_file", .string(sweep.file)),
            ("fingerprint", .string(fingerprint)),
            ("run", .int(Int64(run))),
            ("point", .int(Int64(point))),
            ("replication", .int(Int64(replication))),
            ("seed", .uint(seed)),
            ("parameters", .strings(sweep.parameters.map(\.name))),
            ("values", .strings(values.map(\.label))),
            ("scenario_values", .strings(values.map(\.text))),
        ])
    }
}

/// How a call of `SweepRunner.run` went, by run index.
public struct SweepOutcome: Sendable {
    /// Complete before this call (not run again).
    public var skipped: [Int]
    /// Run and complete now.
    public var completed: [Int]
    /// Run and failed (each has its failure record).
    public var failed: [Int]
    /// Stopped by a stop request (only a temporary file is left).
    public var interrupted: [Int]
    /// Never started, because of a stop request.
    public var notStarted: [Int]
    public var wallSeconds: Double
}

/// Progress of a sweep call, reported from worker threads.
public struct SweepProgress: Sendable {
    /// Runs done (complete before, completed now, or failed) and failed, out of `total`.
    public var done: Int
    public var failed: Int
    public var total: Int
    /// Share of this call's work done (runs complete before it do not count), counting the runs
    /// in progress by their own progress: what an ETA is computed from.
    public var fraction: Double
    /// Model events handled by the runs in progress and finished in this call.
    public var events: Int
}

enum RunOutcome: Sendable, Equatable { case complete, failed, interrupted }
