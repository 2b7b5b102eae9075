/// Turns an operation order into a schedule of a `ShopSnapshot`: the order lists job indices,
/// the k-th occurrence of job j standing for its k-th remaining operation (a permutation with
/// repetition, so every order is feasible). Each operation in turn starts as early as its job
/// and the chosen machine allow, on the eligible machine where it ends first (the lowest index on
/// ties): a semi-active schedule, appended machine by machine.
struct SnapshotDecoder: Sendable {
    /// The cost of an order: the objective, then the sum of completions to break its plateaus
    /// (tardiness is flat at zero).
    struct Cost: Comparable, Sendable {
        var value: Double
        var completions: Int

        static func < (a: Cost, b: Cost) -> Bool { (a.value, a.completions) < (b.value, b.completions) }
    }

    let snapshot: ShopSnapshot
    let objective: ScheduleObjective
    /// Flat index of each job's first operation, and the total at the end.
    let firstOperation: [Int]
    /// The eligible machines of each flat operation (only the pinned one for a frozen operation).
    let alternatives: [[SchedulingProblem.Alternative]]
    /// Standard work of each flat operation and those after it in its job (shortest times).
    let workFrom: [Int]

    private var machineFree: [Int]
    private var jobFree: [Int]
    private var nextOperation: [Int]

    init(_ snapshot: ShopSnapshot, objective: ScheduleObjective) {
        self.snapshot = snapshot
        self.objective = objective
        var first: [Int] = [], alternatives: [[SchedulingProblem.Alternative]] = [], work: [Int] = []
        for job in snapshot.jobs {
            first.append(alternatives.count)
            for (k, operation) in job.operations.enumerated() {
                if k == 0, let pinned = job.pinnedMachine {
                    alternatives.append(operation.alternatives.filter { $0.machine == pinned })
                } else {
                    alternatives.append(operation.alternatives)
                }
            }
            var after = 0
            var tail: [Int] = []
            for operation in job.operations.reversed() {
                after += operation.shortestDuration
                tail.append(after)
            }
            work.append(contentsOf: tail.reversed())
        }
        first.append(alternatives.count)
        firstOperation = first
        self.alternatives = alternatives
        workFrom = work
        machineFree = snapshot.machineReady
        jobFree = snapshot.jobs.map(\.ready)
        nextOperation = Array(repeating: 0, count: snapshot.jobs.count)
    }

    /// Where the next operation of job `j` would go now: machine, start, end.
    func placement(of j: Int) -> (machine: Int, start: Int, end: Int) {
        let id = firstOperation[j] + nextOperation[j]
        var best = (machine: -1, start: 0, end: Int.max)
        for alternative in alternatives[id] {
            let start = max(jobFree[j], machineFree[alternative.machine])
            let end = start + alternative.duration
            if end < best.end || (end == best.end && alternative.machine < best.machine) {
                best = (alternative.machine, start, end)
            }
        }
        return best
    }

    /// Operations of job `j` not yet placed.
    func remaining(_ j: Int) -> Int { firstOperation[j + 1] - firstOperation[j] - nextOperation[j] }

    /// Standard work of job `j` from its next operation on.
    func remainingWork(_ j: Int) -> Int { remaining(j) > 0 ? workFrom[firstOperation[j] + nextOperation[j]] : 0 }

    /// Starts a decoding pass.
    mutating func reset() {
        machineFree = snapshot.machineReady
        for j in jobFree.indices {
            jobFree[j] = snapshot.jobs[j].ready
            nextOperation[j] = 0
        }
    }

    /// Places the next operation of job `j` (after `reset()`); returns where it went.
    @discardableResult
    mutating func place(_ j: Int) -> (machine: Int, start: Int, end: Int) {
        let spot = placement(of: j)
        machineFree[spot.machine] = spot.end
        jobFree[j] = spot.end
        nextOperation[j] += 1
        return spot
    }

    /// The cost of the schedule `order` decodes to.
    /// - Complexity: O(operations × alternatives).
    mutating func cost(of order: [Int]) -> Cost {
        reset()
        for j in order { place(j) }
        return currentCost()
    }

    /// The cost of the placements made since `reset()` (all of them placed).
    func currentCost() -> Cost {
        Cost(value: objective.value(completion: jobFree, jobs: snapshot.jobs), completions: jobFree.reduce(0, +))
    }

    /// The schedule `order` decodes to (job = snapshot job index, operation = index among its
    /// remaining operations), in decoding order.
    mutating func schedule(of order: [Int]) -> [ScheduledOperation] {
        reset()
        return order.map { j in
            let k = nextOperation[j]
            let spot = place(j)
            return ScheduledOperation(job: j, operation: k, machine: spot.machine, start: spot.start, end: spot.end)
        }
    }
}
