/// What a rescheduling plan minimises. Completion times count from the snapshot; a job's
/// tardiness is `max(0, completion − due)` (0 for a job without a due date).
public enum ScheduleObjective: String, Sendable, CaseIterable {
    /// The last completion.
    case makespan
    /// The sum of tardiness (the mean differs only by the constant job count).
    case totalTardiness = "total_tardiness"
    /// The sum of weight × tardiness.
    case weightedTardiness = "weighted_tardiness"
    /// The sum of completion times (flow time up to a constant: the jobs' release times).
    case flowTime = "flow_time"

    /// The names a scenario writes.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The objective's value for jobs completing at `completion`.
    /// - Parameters:
    ///   - completion: Completion time of each job.
    ///   - jobs: The jobs, for due dates and weights.
    /// - Returns: The value (smaller is better).
    func value(completion: [Int], jobs: [ShopSnapshot.Job]) -> Double {
        switch self {
        case .makespan:
            return Double(completion.max() ?? 0)
        case .totalTardiness, .weightedTardiness:
            var sum = 0.0
            for (j, job) in jobs.enumerated() {
                guard let due = job.due, completion[j] > due else { continue }
                sum += Double(completion[j] - due) * (self == .weightedTardiness ? job.weight : 1)
            }
            return sum
        case .flowTime:
            return Double(completion.reduce(0, +))
        }
    }
}
