/// A `SchedulingProblem` in flat arrays for the search: operations numbered 0..<count job by
/// job, with their job neighbours. -1 stands for "none".
struct FlatProblem: Sendable {
    let count: Int
    let machineCount: Int
    let jobCount: Int
    /// Job and position in the job of each operation.
    let job: [Int]
    let indexInJob: [Int]
    /// The previous and next operation of the same job, or -1.
    let jobPrevious: [Int]
    let jobNext: [Int]
    /// The eligible machines of each operation with their times.
    let alternatives: [[SchedulingProblem.Alternative]]
    /// The flat number of each job's first operation (and `count` at the end).
    let firstOfJob: [Int]
    /// True when some operation has a choice of machine.
    let isFlexible: Bool

    init(_ problem: SchedulingProblem) {
        var job: [Int] = [], index: [Int] = [], previous: [Int] = [], next: [Int] = []
        var alternatives: [[SchedulingProblem.Alternative]] = [], first: [Int] = []
        for (j, operations) in problem.jobs.enumerated() {
            first.append(job.count)
            for (k, operation) in operations.enumerated() {
                let id = job.count
                job.append(j)
                index.append(k)
                previous.append(k == 0 ? -1 : id - 1)
                next.append(k == operations.count - 1 ? -1 : id + 1)
                alternatives.append(operation.alternatives)
            }
        }
        first.append(job.count)
        count = job.count
        machineCount = problem.machineCount
        jobCount = problem.jobs.count
        self.job = job
        indexInJob = index
        jobPrevious = previous
        jobNext = next
        self.alternatives = alternatives
        firstOfJob = first
        isFlexible = !problem.isClassic
    }
}
