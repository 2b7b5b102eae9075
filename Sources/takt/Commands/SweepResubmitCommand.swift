import ArgumentParser
import Foundation
import TaktSweep

/// `takt sweep resubmit SWEEP`: a new job array of only the tasks with incomplete runs.
struct SweepResubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resubmit",
        abstract: "Submit only the missing and failed runs of a sweep as a new Slurm job array.",
        discussion: """
            Finds the runs that are not complete (missing, failed, or left with only a temporary \
            file by a task that was killed), and writes <out>/slurm/resubmit.sh: the array script \
            with --array set to just the tasks holding them (e.g. --array=3,17%P), then a new \
            merge job after it. With --submit it runs it. Slurm's own requeue waits minutes; a new \
            array starts at once, and its tasks skip runs that are already complete.

            Wait until the first array has left the queue (squeue) before resubmitting: runs it \
            is still writing look incomplete.

            Examples:
              takt sweep resubmit scenarios/sweeps/two-shifts-staffing.yaml --submit
              takt sweep resubmit my-sweep.yaml --chunk 10 --throttle 20 --time 30:00 \\
                  --submit
            """)

    @OptionGroup var file: SweepFileOptions
    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        if cluster.engine == "k8s" {
            throw InputError(message: "resubmit works with slurm; for Kubernetes apply the Job again (its pods skip "
                                 + "complete runs)")
        }
        let sweep = try file.load()
        let layout = file.layout(for: sweep)
        try asInputError { try layout.prepare(for: sweep) }
        try FileManager.default.createDirectory(atPath: layout.logsFolder, withIntermediateDirectories: true)
        let states = layout.scan(runCount: sweep.runCount)
        let incomplete = states.indices.filter { !states[$0].isComplete }
        guard !incomplete.isEmpty else {
            print("All \(sweep.runCount) runs of '\(sweep.name)' are complete; nothing to resubmit.")
            return
        }
        let inProgress = incomplete.filter { states[$0] == .inProgress }
        let tasks = ArrayTasks(runCount: sweep.runCount, chunk: cluster.chunk).tasks(covering: incomplete)
        let script = cluster.slurmScript(sweep, sweepFile: file.sweep, layout: layout)
        let files = try SlurmFiles.write(script, layout: layout)
        let path = layout.slurmFolder + "/resubmit.sh"
        try SweepPaths.write(script.submitCommands(arrayFile: files.array, mergeFile: files.merge, indices: tasks),
                             to: path,
                             executable: true)
        print("Incomplete runs: \(IndexRanges.format(incomplete)) (\(incomplete.count) of \(sweep.runCount))")
        if !inProgress.isEmpty {
            print("Warning: runs \(IndexRanges.format(inProgress)) have temporary files: if a job is still "
                      + "running them, "
                + "wait for it (squeue) before submitting")
        }
        print("Array tasks to resubmit (--chunk \(cluster.chunk)): --array=\(script.arraySpec(tasks))")
        if cluster.submit {
            print("Submitted: " + (try SlurmFiles.submit(path)))
        } else {
            print("Wrote \(path). Submit with: bash \(path)   (or run this command again with --submit)")
        }
    }
}
