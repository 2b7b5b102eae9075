import ArgumentParser
import Foundation
import TaktSweep

/// `takt sweep run SWEEP`: runs a sweep's runs (all, or one array task's), skipping complete ones.
struct SweepRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a sweep's runs on local cores, or the runs of one array task.",
        discussion: """
            Each run writes its own HDF5 file under the output folder's runs/ (a temporary name, \
            renamed when complete). Runs whose file is complete are skipped, so an interrupted \
            sweep resumes where it stopped; a failed run leaves runs/run-N.failed.json (error and \
            exit code) and does not stop the others. A progress bar (runs done, failed, ETA) is \
            shown on standard error when it is a terminal.

            With --task-index N (default: $SLURM_ARRAY_TASK_ID, then $JOB_COMPLETION_INDEX, set by \
            Slurm job arrays and Kubernetes Indexed Jobs) only task N's runs are done: runs \
            N·C … N·C+C−1 for --chunk C. Results do not depend on --jobs, tasks or chunks.

            Exit status: 0 when every run asked for is complete, 1 when some failed, 2 for input \
            errors, 130 when interrupted (Ctrl-C, SIGTERM).

            Examples:
              takt sweep run scenarios/sweeps/two-shifts-staffing.yaml --jobs 2
              takt sweep run my-sweep.yaml --task-index 3 --chunk 10 --jobs 1
            """)

    @OptionGroup var file: SweepFileOptions

    @Option(help: "Runs at a time (default: all cores).")
    var jobs: Int?

    @Option(help: """
        Run only this array task's runs (default: $SLURM_ARRAY_TASK_ID, then $JOB_COMPLETION_INDEX; none: all runs).
        """)
    var taskIndex: Int?

    @Option(help: "Runs per array task.")
    var chunk: Int = 1

    @Option(help: "Compression of the run files' tables: gzip (default) or off.")
    var compression: String = "gzip"

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let taskIndex, taskIndex < 0 { throw ValidationError("--task-index must not be negative, got \(taskIndex)") }
        if chunk < 1 { throw ValidationError("--chunk must be at least 1, got \(chunk)") }
        if !["gzip", "off"].contains(compression) {
            throw ValidationError("--compression must be gzip or off, got '\(compression)'")
        }
    }

    /// The task index: the option, else the engines' variables; nil for all runs.
    func resolvedTask() throws -> Int? {
        if let taskIndex { return taskIndex }
        let environment = ProcessInfo.processInfo.environment
        for name in ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"] {
            guard let text = environment[name], !text.isEmpty else { continue }
            guard let value = Int(text), value >= 0 else {
                throw InputError(message: "\(name)='\(text)' is not a task index (a whole number from 0)")
            }
            return value
        }
        return nil
    }

    func run() throws {
        let sweep = try file.load()
        let layout = file.layout(for: sweep)
        let task = try resolvedTask()
        let tasks = ArrayTasks(runCount: sweep.runCount, chunk: chunk)
        let runs: [Int]
        if let task {
            guard task < tasks.taskCount else {
                throw InputError(message: "task index \(task) is beyond the \(tasks.taskCount) tasks of this sweep "
                    + "(\(sweep.runCount) runs, --chunk \(chunk)); tasks are numbered 0 to \(tasks.taskCount - 1)")
            }
            runs = Array(tasks.runs(ofTask: task))
        } else {
            if chunk != 1 { throw InputError(message: "--chunk applies to array tasks; give --task-index too") }
            runs = Array(0..<sweep.runCount)
        }
        let interrupts = InterruptHandler()
        let runner = SweepRunner(sweep: sweep, layout: layout,
                                 jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                 task: task, stop: interrupts.signal, taktVersion: Takt.version,
                                 gitCommit: ResultOutput.gitCommit(), compress: compression == "gzip")
        let bar = ProgressBar.forStandardError()
        var report: (@Sendable (SweepProgress) -> Void)?
        if let bar {
            report = { progress in
                bar.draw(fraction: progress.fraction, events: progress.events,
                         detail: "runs \(progress.done)/\(progress.total)"
                             + (progress.failed > 0 ? ", \(progress.failed) failed" : ""))
            }
        }
        let outcome = try asInputError { try runner.run(runs, progress: report) }
        bar?.finish()
        let scope = task.map { "Task \($0) (runs \(IndexRanges.format(runs)))" } ?? "Sweep '\(sweep.name)'"
        var parts = ["\(outcome.completed.count) run\(outcome.completed.count == 1 ? "" : "s") completed"]
        if !outcome.skipped.isEmpty { parts.append("\(outcome.skipped.count) already complete") }
        if !outcome.failed.isEmpty { parts.append("\(outcome.failed.count) failed") }
        let stopped = outcome.interrupted.count + outcome.notStarted.count
        if stopped > 0 { parts.append("\(stopped) not done (interrupted)") }
        print("\(scope): " + parts.joined(separator: ", ") + String(format: " in %.1f s", outcome.wallSeconds)
            + " → \(layout.runsFolder)")
        let states = layout.scan(runCount: sweep.runCount)
        for run in outcome.failed.prefix(5) {
            if case .failed(let record) = states[run] {
                let first = record.error.split(separator: "\n").first.map(String.init) ?? record.error
                print("  run \(run) failed (exit \(record.exitCode)): \(first)")
            }
        }
        if outcome.failed.count > 5 {
            print("  … and \(outcome.failed.count - 5) more: takt sweep status \(file.sweep)")
        }
        if stopped > 0 { throw ArgumentParser.ExitCode(130) }
        if !outcome.failed.isEmpty { throw ArgumentParser.ExitCode(1) }
    }
}
