/// Checks a schedule against its problem: every operation exactly once, on an eligible machine,
/// for exactly its time there, never before time 0, after the previous operation of its job,
/// never overlapping another operation on its machine, and (when claimed) a makespan equal to
/// the last end time.
///
/// `takt schedule` runs it on every schedule before printing; tests use it on hand-made ones.
///
/// ```swift
/// let problems = ScheduleCheck.violations(of: schedule, for: problem, claimedMakespan: 55)
/// assert(problems.isEmpty)
/// ```
public enum ScheduleCheck {
    /// Every violation found, in job and operation order (global ones last). Empty means valid.
    /// Operations touching at an instant (one ends when the next starts) do not overlap.
    /// - Complexity: O(N log N) for N operations.
    public static func violations(of schedule: Schedule, for problem: SchedulingProblem,
                                  claimedMakespan: Int? = nil) -> [ScheduleViolation] {
        var found: [ScheduleViolation] = []
        var slot: [[ScheduledOperation?]] = problem.jobs.map { Array(repeating: nil, count: $0.count) }
        for entry in schedule.operations {
            guard problem.jobs.indices.contains(entry.job), problem.jobs[entry.job].indices.contains(entry.operation),
                  slot[entry.job][entry.operation] == nil else {
                found.append(ScheduleViolation(kind: .unknownOrRepeatedOperation, job: entry.job,
                                               operation: entry.operation,
                                               message: "listed twice or not an operation of the problem"))
                continue
            }
            slot[entry.job][entry.operation] = entry
        }
        var perMachine: [[ScheduledOperation]] = Array(repeating: [], count: problem.machineCount)
        for (job, operations) in problem.jobs.enumerated() {
            var previousEnd: Int?
            for (index, operation) in operations.enumerated() {
                guard let entry = slot[job][index] else {
                    found.append(ScheduleViolation(kind: .missingOperation, job: job, operation: index,
                                                   message: "missing from the schedule"))
                    previousEnd = nil
                    continue
                }
                func report(_ kind: ScheduleViolation.Kind, _ message: String) {
                    found.append(ScheduleViolation(kind: kind, job: job, operation: index, message: message))
                }
                if let duration = operation.duration(on: entry.machine) {
                    if entry.end - entry.start != duration {
                        report(.wrongDuration, "runs \(entry.end - entry.start) (from \(entry.start) to \(entry.end)) "
                            + "but takes \(duration) on machine \(entry.machine)")
                    }
                    perMachine[entry.machine].append(entry)
                } else {
                    let eligible = operation.alternatives.map { String($0.machine) }.joined(separator: ", ")
                    report(.ineligibleMachine,
                           "placed on machine \(entry.machine), which is not eligible (eligible: \(eligible))")
                }
                if entry.start < 0 { report(.negativeStart, "starts at \(entry.start), before time 0") }
                if let previousEnd, entry.start < previousEnd {
                    report(.precedence,
                           "starts at \(entry.start), before operation \(index - 1) of its job ends at \(previousEnd)")
                }
                previousEnd = entry.end
            }
        }
        for (machine, entries) in perMachine.enumerated() {
            let ordered = entries.sorted { ($0.start, $0.end, $0.job, $0.operation) < ($1.start, $1.end, $1.job,
                                                                                       $1.operation) }
            var latest: ScheduledOperation?
            for entry in ordered {
                if let latest, entry.start < latest.end, entry.end > entry.start || latest.end > latest.start {
                    found.append(ScheduleViolation(kind: .overlap, job: entry.job, operation: entry.operation,
                        message: "runs \(entry.start)–\(entry.end) on machine \(machine), overlapping job "
                                 + "\(latest.job) "
                            + "operation \(latest.operation) (\(latest.start)–\(latest.end))"))
                }
                if latest == nil || entry.end > latest!.end { latest = entry }
            }
        }
        found.sort { ($0.job, $0.operation) < ($1.job, $1.operation) }
        if let claimedMakespan, claimedMakespan != schedule.makespan {
            found.append(ScheduleViolation(kind: .makespanMismatch, job: -1, operation: -1,
                message: "the makespan is given as \(claimedMakespan) but the last operation ends at "
                         + "\(schedule.makespan)"))
        }
        return found
    }
}
