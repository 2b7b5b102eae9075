/// Builds a non-delay schedule under a dispatching rule (the Giffler–Thompson scheme without
/// delay): everything is released at time 0; repeatedly, the earliest moment any waiting
/// operation could start on any of its eligible machines is found, and among the (operation,
/// machine) pairs that can start then, the rule picks one, which starts at once. No machine is
/// ever left idle while an operation it could run is waiting.
///
/// The search starts from the best of these schedules (`bestRule`).
public enum NonDelaySchedule {
    /// The schedule of `problem` under `rule`.
    /// - Complexity: O(N · J · A) for N operations, J jobs and A alternatives per operation.
    public static func build(_ problem: SchedulingProblem, rule: DispatchingRule) -> Schedule {
        let jobs = problem.jobs
        var next = Array(repeating: 0, count: jobs.count)
        var jobReady = Array(repeating: 0, count: jobs.count)
        var machineReady = Array(repeating: 0, count: problem.machineCount)
        // Shortest work after each operation, per job.
        let workAfter: [[Int]] = jobs.map { job in
            var suffix = Array(repeating: 0, count: job.count)
            var sum = 0
            for index in job.indices.reversed() {
                suffix[index] = sum
                sum += job[index].shortestDuration
            }
            return suffix
        }
        var placed: [ScheduledOperation] = []
        placed.reserveCapacity(problem.operationCount)
        while placed.count < problem.operationCount {
            var earliest = Int.max
            for job in jobs.indices where next[job] < jobs[job].count {
                for alternative in jobs[job][next[job]].alternatives {
                    earliest = min(earliest, max(jobReady[job], machineReady[alternative.machine]))
                }
            }
            var chosen: (key: Int, job: Int, alternative: SchedulingProblem.Alternative)?
            for job in jobs.indices where next[job] < jobs[job].count {
                let index = next[job]
                for alternative in jobs[job][index].alternatives
                where max(jobReady[job], machineReady[alternative.machine]) == earliest {
                    let key = rule.key(duration: alternative.duration, workAfter: workAfter[job][index],
                                       operationsLeft: jobs[job].count - index, readySince: jobReady[job])
                    if let current = chosen,
                       (current.key, current.job, current.alternative.machine) <= (key, job,
                                                                                   alternative.machine) { continue }
                    chosen = (key, job, alternative)
                }
            }
            let (_, job, alternative) = chosen!
            let end = earliest + alternative.duration
            placed.append(ScheduledOperation(job: job, operation: next[job], machine: alternative.machine,
                                             start: earliest, end: end))
            next[job] += 1
            jobReady[job] = end
            machineReady[alternative.machine] = end
        }
        placed.sort { ($0.job, $0.operation) < ($1.job, $1.operation) }
        return Schedule(operations: placed)
    }

    /// The rule whose schedule has the smallest makespan (the first in `DispatchingRule.allCases`
    /// order on ties), with that schedule.
    public static func bestRule(_ problem: SchedulingProblem) -> (rule: DispatchingRule, schedule: Schedule) {
        var best: (rule: DispatchingRule, schedule: Schedule)?
        for rule in DispatchingRule.allCases {
            let schedule = build(problem, rule: rule)
            if best == nil || schedule.makespan < best!.schedule.makespan { best = (rule, schedule) }
        }
        return best!
    }
}
