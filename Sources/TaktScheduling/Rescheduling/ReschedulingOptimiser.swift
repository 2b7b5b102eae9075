import TaktKernel

/// Plans a `ShopSnapshot` for any `ScheduleObjective`: the best of the priority rules
/// (`SnapshotRule`), improved by late-acceptance hill climbing (Burke and Bykov 2017) over the
/// operation order — moves shift one operation to another position or swap two, each decoded in
/// O(operations) — with frozen operations kept first. It is the rescheduling counterpart of
/// `ScheduleOptimiser`, whose critical-path tabu search serves the makespan of a static shop only.
///
/// Walkers are independent chains from the same start, each with its own random stream of the
/// seed and an equal share of the iterations; the best (the lowest index on ties) wins. The
/// result depends only on the snapshot, the objective and the options: never on the clock or the
/// thread count.
///
/// ```swift
/// let plan = ReschedulingOptimiser(snapshot, objective: .totalTardiness).run(iterations: 5_000, seed: 7)
/// ```
public struct ReschedulingOptimiser: Sendable {
    /// Length of the late-acceptance history.
    static let history = 50

    public let snapshot: ShopSnapshot
    public let objective: ScheduleObjective

    /// An optimiser for `snapshot` under `objective`.
    /// - Parameters:
    ///   - snapshot: The shop to plan.
    ///   - objective: What the plan minimises.
    public init(_ snapshot: ShopSnapshot, objective: ScheduleObjective) {
        self.snapshot = snapshot
        self.objective = objective
    }

    /// Plans with a budget of `iterations` over `walkers` chains.
    /// - Parameters:
    ///   - iterations: Search moves over all walkers (0: the best rule's schedule).
    ///   - walkers: Independent chains, ≥ 1.
    ///   - seed: Seed of the chains' random streams.
    /// - Returns: The best plan found.
    public func run(iterations: Int, walkers: Int = 1, seed: UInt64 = 1) -> ReschedulingResult {
        precondition(iterations >= 0 && walkers >= 1, "invalid rescheduling budget")
        var decoder = SnapshotDecoder(snapshot, objective: objective)
        let n = snapshot.operationCount
        var startOrder: [Int] = [], startCost = SnapshotDecoder.Cost(value: .infinity, completions: .max)
        var startRule = SnapshotRule.fifo
        for rule in SnapshotRule.allCases {
            let order = rule.order(&decoder)
            let cost = decoder.cost(of: order)
            if cost < startCost { (startOrder, startCost, startRule) = (order, cost, rule) }
        }
        var best = (order: startOrder, cost: startCost)
        var done = 0
        let fixed = snapshot.frozen.count
        let streams = RandomStreams(seed: seed)
        if n - fixed >= 2 {
            for w in 0..<walkers {
                let share = iterations / walkers + (w < iterations % walkers ? 1 : 0)
                let stream = streams.streamSeed(entity: "walker-\(w)", purpose: "rescheduling")
                var random = Xoshiro256StarStar(seed: stream)
                let found = climb(from: startOrder, cost: startCost, iterations: share, fixed: fixed,
                                  decoder: &decoder, random: &random)
                done += found.iterations
                if found.cost < best.cost { best = (found.order, found.cost) }
            }
        }
        return ReschedulingResult(operations: decoder.schedule(of: best.order), value: best.cost.value,
                                  startRule: startRule.rawValue, startValue: startCost.value, iterations: done,
                                  decodedOperations: (done + SnapshotRule.allCases.count) * n)
    }

    /// One late-acceptance chain.
    private func climb(from start: [Int], cost startCost: SnapshotDecoder.Cost, iterations: Int, fixed: Int,
                       decoder: inout SnapshotDecoder, random: inout Xoshiro256StarStar)
        -> (order: [Int], cost: SnapshotDecoder.Cost, iterations: Int) {
        var current = start, currentCost = startCost
        var best = (order: start, cost: startCost)
        var memory = Array(repeating: startCost, count: Self.history)
        let free = UInt64(current.count - fixed)
        let floor = objective == .makespan ? nil : 0.0
        var step = 0
        while step < iterations {
            if let floor, best.cost.value <= floor { break }
            let i = fixed + Int(random.next() % free)
            var j = fixed + Int(random.next() % (free - 1))
            if j >= i { j += 1 }
            guard current[i] != current[j] else { step += 1; continue }
            var candidate = current
            if random.next() & 1 == 0 {
                candidate.swapAt(i, j)
            } else {
                candidate.insert(candidate.remove(at: i), at: j)
            }
            let cost = decoder.cost(of: candidate)
            let slot = step % Self.history
            if !(currentCost < cost) || !(memory[slot] < cost) {
                current = candidate
                currentCost = cost
                if cost < best.cost { best = (candidate, cost) }
            }
            memory[slot] = currentCost
            step += 1
        }
        return (best.order, best.cost, step)
    }
}
