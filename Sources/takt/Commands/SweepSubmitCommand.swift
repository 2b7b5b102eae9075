import ArgumentParser
import Foundation
import TaktSweep

/// `takt sweep submit SWEEP --engine slurm|k8s`: cluster scripts for a sweep, submitted on request.
struct SweepSubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Write (and with --submit, submit) a Slurm job array or a Kubernetes Indexed Job for a sweep.",
        discussion: """
            Slurm: writes <out>/slurm/array.sbatch (--array=0-N%P; task t runs `takt sweep run \
            --task-index t`), merge.sbatch (takt sweep merge, submitted with \
            --dependency=afterany on the array) and submit.sh, prints them, and with --submit \
            runs sbatch. Task logs go to <out>/logs/. The scripts set HDF5_USE_FILE_LOCKING=FALSE, \
            which shared file systems (Lustre, NFS) need; every run writes its own file.

            k8s: writes <out>/k8s/job.yaml, an Indexed Job (completionMode: Indexed; each pod reads \
            JOB_COMPLETION_INDEX); apply it with kubectl, then run takt sweep merge.

            Many clusters cap job arrays (MaxArraySize, often 1001): use --chunk C to run C runs \
            per task.

            Examples:
              takt sweep submit scenarios/sweeps/two-shifts-staffing.yaml --engine slurm \\
                  --throttle 20 --time 10:00
              takt sweep submit my-sweep.yaml --engine slurm --chunk 10 --partition short \\
                  --submit
              takt sweep submit my-sweep.yaml --engine k8s --image registry/takt:0.1 \\
                  --throttle 100
            """)

    @OptionGroup var file: SweepFileOptions
    @OptionGroup var cluster: ClusterOptions

    func run() throws {
        let sweep = try file.load()
        let layout = file.layout(for: sweep)
        try asInputError { try layout.prepare(for: sweep) }
        try FileManager.default.createDirectory(atPath: layout.logsFolder, withIntermediateDirectories: true)
        let tasks = ArrayTasks(runCount: sweep.runCount, chunk: cluster.chunk)
        if cluster.engine == "k8s" {
            let job = KubernetesJob(image: cluster.image, takt: cluster.podTaktBinary,
                                    sweepFile: SweepPaths.absolute(file.sweep),
                                    folder: SweepPaths.absolute(layout.folder), name: sweep.name, tasks: tasks,
                                    parallelism: cluster.throttle ?? min(tasks.taskCount, 100), claim: cluster.claim,
                                    mountPath: cluster.mount)
            let path = layout.kubernetesFolder + "/job.yaml"
            try SweepPaths.write(job.manifest, to: path)
            print(job.manifest)
            print("Wrote \(path): \(tasks.taskCount) indexed completions for \(sweep.runCount) runs. Apply with: "
                      + "kubectl apply -f \(path)")
            return
        }
        let script = cluster.slurmScript(sweep, sweepFile: file.sweep, layout: layout)
        let files = try SlurmFiles.write(script, layout: layout)
        let submit = layout.slurmFolder + "/submit.sh"
        try SweepPaths.write(script.submitCommands(arrayFile: files.array, mergeFile: files.merge), to: submit,
                             executable: true)
        print(script.arrayScript)
        print("Wrote \(files.array), \(files.merge) and \(submit): \(tasks.taskCount) array tasks for "
                  + "\(sweep.runCount) runs.")
        if tasks.taskCount > 1001 {
            print("Note: many clusters cap job arrays at 1001 tasks (MaxArraySize); --chunk "
                      + "\((sweep.runCount + 999) / 1000) would need "
                      + "\(ArrayTasks(runCount: sweep.runCount, chunk: (sweep.runCount + 999) / 1000).taskCount).")
        }
        if cluster.submit {
            print("Submitted: " + (try SlurmFiles.submit(submit)))
        } else {
            print("Submit with: bash \(submit)   (or run this command again with --submit)")
        }
    }
}

/// Writing and submitting the Slurm scripts of a sweep.
enum SlurmFiles {
    /// Writes array.sbatch and merge.sbatch into the sweep's slurm folder.
    static func write(_ script: SlurmScript, layout: SweepLayout) throws -> (array: String, merge: String) {
        let array = SweepPaths.absolute(layout.slurmFolder + "/array.sbatch")
        let merge = SweepPaths.absolute(layout.slurmFolder + "/merge.sbatch")
        try SweepPaths.write(script.arrayScript, to: array, executable: true)
        try SweepPaths.write(script.mergeScript, to: merge, executable: true)
        return (array, merge)
    }

    /// Runs a submit script (two sbatch calls) and returns its report line.
    static func submit(_ path: String) throws -> String {
        let found = ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/sbatch") }
        guard found else {
            throw InputError(message: "sbatch is not on PATH: run this on a Slurm login node, or submit later "
                                 + "with: bash \(path)")
        }
        return try SweepPaths.runShell(path).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
