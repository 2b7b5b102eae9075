import Foundation

/// The batch scripts of a sweep on Slurm: a job array whose task t runs `takt sweep run
/// --task-index t` (Slurm sets `SLURM_ARRAY_TASK_ID`), and a merge job that waits for the whole
/// array (`--dependency=afterany`, so it runs even when tasks fail and records what is missing).
///
/// Every path in the scripts is absolute, so they work from any submission directory.
public struct SlurmScript: Sendable {
    /// The `takt` binary the tasks run.
    public var takt: String
    /// The sweep file and the output folder (absolute).
    public var sweepFile: String
    public var folder: String
    public var name: String
    public var tasks: ArrayTasks
    /// At most this many tasks at once (`%P`), or nil for the cluster's limit.
    public var throttle: Int?
    public var partition: String?
    /// Wall-time limit per task, in any form sbatch takes (`10:00`, `1-00:00:00`).
    public var time: String?
    /// Memory per task (`2G`), or nil for the cluster's default.
    public var memory: String?
    /// Extra `#SBATCH` lines, as given (`--account=abc`).
    public var extra: [String]

    public init(takt: String, sweepFile: String, folder: String, name: String, tasks: ArrayTasks, throttle: Int? = nil,
                partition: String? = nil, time: String? = nil, memory: String? = nil, extra: [String] = []) {
        self.takt = takt
        self.sweepFile = sweepFile
        self.folder = folder
        self.name = name
        self.tasks = tasks
        self.throttle = throttle
        self.partition = partition
        self.time = time
        self.memory = memory
        self.extra = extra
    }

    /// The job name: `takt-` and the sweep name's letters and digits.
    public var jobName: String {
        let slug = name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        return "takt-" + (slug.isEmpty ? "sweep" : String(slug.prefix(40)))
    }

    /// `--array` for `tasks` (all tasks by default), with the throttle.
    public func arraySpec(_ indices: [Int]? = nil) -> String {
        let list = indices.map(IndexRanges.format) ?? (tasks.taskCount == 1 ? "0" : "0-\(tasks.taskCount - 1)")
        return list + (throttle.map { "%\($0)" } ?? "")
    }

    var resourceLines: [String] {
        var lines = ["#SBATCH --ntasks=1", "#SBATCH --cpus-per-task=1"]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        lines += extra.map { "#SBATCH \($0)" }
        return lines
    }

    /// The array job: one task per chunk of runs.
    public var arrayScript: String {
        let runs = tasks.chunk == 1 ? "run t" : "runs t·\(tasks.chunk) … t·\(tasks.chunk)+\(tasks.chunk - 1)"
        return """
            #!/bin/bash
            # Sweep '\(name)': \(tasks.runCount) runs in \(tasks.taskCount) array tasks; task t does \(runs).
            # Written by `takt sweep submit`. A task skips runs that are already complete, so a
            # resubmitted index redoes only what is missing (takt sweep resubmit).
            #SBATCH --job-name=\(jobName)
            #SBATCH --array=\(arraySpec())
            #SBATCH --output=\(folder)/logs/%A_%a.out
            \(resourceLines.joined(separator: "\n"))
            set -euo pipefail
            # Each run writes its own HDF5 file; on shared file systems (Lustre, NFS) HDF5's file
            # locking fails or hangs, and is not needed.
            export HDF5_USE_FILE_LOCKING=FALSE
            exec \(quote(takt)) sweep run \(quote(sweepFile)) --out \(quote(folder)) --chunk \(tasks.chunk) --jobs 1 \\
                --task-index "$SLURM_ARRAY_TASK_ID"

            """
    }

    /// The merge job (submitted with a dependency on the array).
    public var mergeScript: String {
        """
        #!/bin/bash
        # Merges sweep '\(name)' into \(folder)/sweep.h5 once the array has ended (afterany: also
        # when tasks failed; the merged file then lists the missing runs).
        #SBATCH --job-name=\(jobName)-merge
        #SBATCH --output=\(folder)/logs/merge-%j.out
        \(resourceLines.joined(separator: "\n"))
        set -euo pipefail
        export HDF5_USE_FILE_LOCKING=FALSE
        exec \(quote(takt)) sweep merge \(quote(sweepFile)) --out \(quote(folder))

        """
    }

    /// Shell commands that submit the array (only `indices`, when given) and then the merge job.
    public func submitCommands(arrayFile: String, mergeFile: String, indices: [Int]? = nil) -> String {
        let array = indices == nil ? "" : " --array=\(arraySpec(indices))"
        return """
            #!/bin/bash
            set -euo pipefail
            array=$(sbatch --parsable\(array) \(quote(arrayFile)))
            array=${array%%;*}
            merge=$(sbatch --parsable --dependency=afterany:$array \(quote(mergeFile)))
            echo "array job $array, merge job ${merge%%;*}"

            """
    }

    func quote(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+=:,@".contains($0) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
