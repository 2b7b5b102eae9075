/// How the runs of a sweep are split among the tasks of a job array: task `t` runs the runs
/// `t·chunk ..< (t+1)·chunk` (the last task fewer). With `chunk` 1, task t runs run t.
///
/// Any engine that hands out task indices (Slurm's `SLURM_ARRAY_TASK_ID`, Kubernetes'
/// `JOB_COMPLETION_INDEX`) serves: a run's result does not depend on the task that ran it.
public struct ArrayTasks: Sendable, Equatable {
    public let runCount: Int
    public let chunk: Int

    /// - Precondition: `chunk` ≥ 1.
    public init(runCount: Int, chunk: Int) {
        precondition(chunk >= 1, "chunk must be at least 1")
        self.runCount = runCount
        self.chunk = chunk
    }

    /// Tasks needed to cover every run.
    public var taskCount: Int { (runCount + chunk - 1) / chunk }

    /// The runs of task `task`.
    /// - Precondition: `task` is in `0..<taskCount`.
    public func runs(ofTask task: Int) -> Range<Int> {
        precondition(task >= 0 && task < taskCount, "task \(task) outside 0..<\(taskCount)")
        return task * chunk ..< min(runCount, (task + 1) * chunk)
    }

    /// The task that runs `run`.
    public func task(ofRun run: Int) -> Int { run / chunk }

    /// The tasks that run any of `runs`, ascending.
    public func tasks(covering runs: [Int]) -> [Int] {
        Array(Set(runs.map(task(ofRun:)))).sorted()
    }
}

/// Compact lists of indices, as Slurm's `--array` takes them: `0-3,7,9-12`.
public enum IndexRanges {
    /// `indices` (any order, duplicates allowed) as comma-separated ranges.
    public static func format(_ indices: [Int]) -> String {
        let sorted = Array(Set(indices)).sorted()
        var parts: [String] = []
        var start = 0
        while start < sorted.count {
            var end = start
            while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == start ? "\(sorted[start])" : "\(sorted[start])-\(sorted[end])")
            start = end + 1
        }
        return parts.joined(separator: ",")
    }

    /// Parses `0-3,7,9-12` back into indices; nil if malformed.
    public static func parse(_ text: String) -> [Int]? {
        var indices: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let low = Int(bounds[0]), low >= 0 else { return nil }
            let high = bounds.count == 2 ? Int(bounds[1]) : low
            guard let high, high >= low else { return nil }
            indices.append(contentsOf: low...high)
        }
        return indices
    }
}
