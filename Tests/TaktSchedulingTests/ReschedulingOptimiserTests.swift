import TaktKernel
import TaktScheduling
import XCTest

/// The rescheduling optimiser's plans are feasible, reach the optimum of tiny shops (checked
/// against exhaustive enumeration and Smith's rule), honour frozen operations and are reproducible.
final class ReschedulingOptimiserTests: XCTestCase {
    /// A classic shop snapshot: `jobs` jobs visiting every one of `machines` machines in a random
    /// order, with random times, release times, machine availability, due dates and weights.
    func randomSnapshot(jobs: Int, machines: Int, seed: UInt64, flexible: Bool = false) -> ShopSnapshot {
        var random = Xoshiro256StarStar(seed: seed)
        func draw(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        let list = (0..<jobs).map { _ -> ShopSnapshot.Job in
            var order = Array(0..<machines)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, draw(0...i)) }
            let operations = order.map { m -> SchedulingProblem.Operation in
                var alternatives = [SchedulingProblem.Alternative(machine: m, duration: draw(1...9))]
                if flexible, machines > 1 {
                    let other = (m + 1 + draw(0...(machines - 2))) % machines
                    alternatives.append(.init(machine: other, duration: draw(1...9)))
                }
                return SchedulingProblem.Operation(alternatives: alternatives)
            }
            return ShopSnapshot.Job(operations: operations, ready: draw(0...6), due: draw(5...30),
                                    weight: Double(draw(1...4)))
        }
        return ShopSnapshot(machineCount: machines, machineReady: (0..<machines).map { _ in draw(0...5) }, jobs: list)
    }

    /// Violations of a plan: every operation once, on an eligible machine for its time, after its
    /// job's previous operation, its ready time and its machine's; no overlap on a machine.
    func violations(_ result: ReschedulingResult, _ snapshot: ShopSnapshot) -> [String] {
        var problems: [String] = []
        var byJob: [[ScheduledOperation]] = Array(repeating: [], count: snapshot.jobs.count)
        for operation in result.operations { byJob[operation.job].append(operation) }
        for (j, job) in snapshot.jobs.enumerated() {
            let placed = byJob[j].sorted { $0.operation < $1.operation }
            guard placed.map(\.operation) == Array(job.operations.indices) else {
                problems.append("job \(j): operations \(placed.map(\.operation))")
                continue
            }
            var ready = job.ready
            for (k, operation) in placed.enumerated() {
                let duration = job.operations[k].duration(on: operation.machine)
                if duration == nil || operation.end - operation.start != duration {
                    problems.append("job \(j) op \(k)")
                }
                if operation.start < ready { problems.append("job \(j) op \(k) starts before its predecessor") }
                if operation.start < snapshot.machineReady[operation.machine] {
                    problems.append("job \(j) op \(k) starts before its machine is ready")
                }
                ready = operation.end
            }
        }
        for m in 0..<snapshot.machineCount {
            let on = result.operations.filter { $0.machine == m }.sorted { $0.start < $1.start }
            for (a, b) in zip(on, on.dropFirst()) where b.start < a.end { problems.append("overlap on machine \(m)") }
        }
        return problems
    }

    /// The objective of completion times, computed here independently.
    func objective(_ objective: ScheduleObjective, completion: [Int], _ snapshot: ShopSnapshot) -> Double {
        let jobs = snapshot.jobs
        switch objective {
        case .makespan: return Double(completion.max() ?? 0)
        case .flowTime: return Double(completion.reduce(0, +))
        case .totalTardiness:
            return zip(completion, jobs).reduce(0) { $0 + Double(max(0, $1.0 - ($1.1.due ?? .max))) }
        case .weightedTardiness:
            return zip(completion, jobs).reduce(0) { $0 + $1.1.weight * Double(max(0, $1.0 - ($1.1.due ?? .max))) }
        }
    }

    func completions(_ result: ReschedulingResult, jobs: Int) -> [Int] {
        var completion = Array(repeating: 0, count: jobs)
        for operation in result.operations { completion[operation.job] = max(completion[operation.job], operation.end) }
        return completion
    }

    /// The optimum over every semi-active schedule of a classic snapshot: every order of the
    /// operations on every machine, timed by relaxing the longest paths (orders with a cycle
    /// never settle and are skipped).
    func bruteForce(_ snapshot: ShopSnapshot, _ goal: ScheduleObjective) -> Double {
        let jobs = snapshot.jobs
        var onMachine: [[(job: Int, op: Int)]] = Array(repeating: [], count: snapshot.machineCount)
        for (j, job) in jobs.enumerated() {
            for (k, operation) in job.operations.enumerated() {
                onMachine[operation.alternatives[0].machine].append((j, k))
            }
        }
        func permutations(_ items: [(job: Int, op: Int)]) -> [[(job: Int, op: Int)]] {
            guard items.count > 1 else { return [items] }
            return items.indices.flatMap { i -> [[(job: Int, op: Int)]] in
                var rest = items
                let first = rest.remove(at: i)
                return permutations(rest).map { [first] + $0 }
            }
        }
        let choices = onMachine.map(permutations)
        var best = Double.infinity
        var index = Array(repeating: 0, count: choices.count)
        while true {
            var start = jobs.map { $0.operations.map { _ in 0 } }
            var settled = false
            for _ in 0...(jobs.reduce(0) { $0 + $1.operations.count }) {
                var changed = false
                for (j, job) in jobs.enumerated() {
                    for k in job.operations.indices {
                        let previous = k == 0 ? 0 : start[j][k - 1] + job.operations[k - 1].alternatives[0].duration
                        var earliest = k == 0 ? job.ready : previous
                        earliest = max(earliest, snapshot.machineReady[job.operations[k].alternatives[0].machine])
                        if earliest > start[j][k] { start[j][k] = earliest; changed = true }
                    }
                }
                for (m, order) in choices.enumerated() {
                    let sequence = order[index[m]]
                    for (a, b) in zip(sequence, sequence.dropFirst()) {
                        let end = start[a.job][a.op] + jobs[a.job].operations[a.op].alternatives[0].duration
                        if end > start[b.job][b.op] { start[b.job][b.op] = end; changed = true }
                    }
                }
                if !changed { settled = true; break }
            }
            if settled {
                let completion = jobs.indices.map { j in
                    start[j].last.map { $0 + jobs[j].operations.last!.alternatives[0].duration } ?? jobs[j].ready
                }
                best = min(best, objective(goal, completion: completion, snapshot))
            }
            var m = 0
            while m < index.count {
                index[m] += 1
                if index[m] < choices[m].count { break }
                index[m] = 0
                m += 1
            }
            if m == index.count { break }
        }
        return best
    }

    func testReachesTheOptimumOfTinyJobShopsForEveryObjective() {
        for seed in 0..<6 {
            let snapshot = randomSnapshot(jobs: 3, machines: 3, seed: UInt64(seed))
            for goal in ScheduleObjective.allCases {
                let result = ReschedulingOptimiser(snapshot, objective: goal).run(iterations: 4_000, seed: 3)
                XCTAssertEqual(violations(result, snapshot), [], "seed \(seed) \(goal)")
                let value = objective(goal, completion: completions(result, jobs: 3), snapshot)
                XCTAssertEqual(value, result.value, "the reported value is the plan's (seed \(seed) \(goal))")
                XCTAssertEqual(value, bruteForce(snapshot, goal), "seed \(seed) \(goal)")
                XCTAssertLessThanOrEqual(result.value, result.startValue)
            }
        }
    }

    func testSingleMachineFlowTimeIsSmithsRule() {
        var random = Xoshiro256StarStar(seed: 11)
        let times = (0..<9).map { _ in 1 + Int(random.next() % 20) }
        let snapshot = ShopSnapshot(machineCount: 1, machineReady: [4], jobs: times.map {
            ShopSnapshot.Job(operations: [.init(alternatives: [.init(machine: 0, duration: $0)])])
        })
        var clock = 4
        let spt = times.sorted().reduce(0) { total, time in clock += time; return total + clock }
        let result = ReschedulingOptimiser(snapshot, objective: .flowTime).run(iterations: 2_000)
        XCTAssertEqual(result.value, Double(spt))
    }

    func testSingleMachineWeightedTardinessMatchesEnumeration() {
        let snapshot = ShopSnapshot(machineCount: 1, machineReady: [0], jobs: (0..<7).map { j in
            ShopSnapshot.Job(operations: [.init(alternatives: [.init(machine: 0, duration: [6, 3, 8, 2, 5, 7, 4][j])])],
                             due: [10, 6, 30, 4, 20, 18, 12][j], weight: Double([1, 3, 2, 1, 4, 2, 3][j]))
        })
        let result = ReschedulingOptimiser(snapshot, objective: .weightedTardiness).run(iterations: 6_000, walkers: 2)
        XCTAssertEqual(result.value, bruteForce(snapshot, .weightedTardiness))
        XCTAssertEqual(violations(result, snapshot), [])
    }

    func testFlexiblePlansAreFeasibleAndNeverWorseThanTheRules() {
        for seed in 0..<20 {
            let snapshot = randomSnapshot(jobs: 4 + seed % 6, machines: 2 + seed % 4, seed: UInt64(100 + seed),
                                          flexible: true)
            let goal = ScheduleObjective.allCases[seed % 4]
            let result = ReschedulingOptimiser(snapshot, objective: goal).run(iterations: 1_500, walkers: 1 + seed % 3,
                                                                               seed: UInt64(seed))
            XCTAssertEqual(violations(result, snapshot), [], "seed \(seed)")
            XCTAssertLessThanOrEqual(result.value, result.startValue)
            XCTAssertEqual(objective(goal, completion: completions(result, jobs: snapshot.jobs.count), snapshot),
                           result.value)
        }
    }

    func testFrozenOperationsRunFirstOnTheirMachines() {
        let base = randomSnapshot(jobs: 6, machines: 3, seed: 5, flexible: true)
        var jobs = base.jobs
        let pins = [(job: 4, machine: jobs[4].operations[0].alternatives.last!.machine),
                    (job: 1, machine: jobs[1].operations[0].alternatives.last!.machine)]
        for pin in pins { jobs[pin.job].pinnedMachine = pin.machine }
        let snapshot = ShopSnapshot(machineCount: 3, machineReady: base.machineReady, jobs: jobs,
                                    frozen: pins.map(\.job))
        let result = ReschedulingOptimiser(snapshot, objective: .totalTardiness).run(iterations: 3_000)
        XCTAssertEqual(violations(result, snapshot), [])
        for pin in pins {
            let first = result.operations.first { $0.job == pin.job && $0.operation == 0 }!
            XCTAssertEqual(first.machine, pin.machine)
            let earlier = result.operations.filter { $0.machine == pin.machine && $0.start < first.start }
            XCTAssertTrue(earlier.allSatisfy { e in pins.contains { $0.job == e.job } && e.operation == 0 },
                          "only frozen operations may precede a frozen one on its machine")
        }
    }

    func testPlansDependOnlyOnTheirInputs() {
        let snapshot = randomSnapshot(jobs: 8, machines: 4, seed: 9, flexible: true)
        let optimiser = ReschedulingOptimiser(snapshot, objective: .weightedTardiness)
        let a = optimiser.run(iterations: 2_000, walkers: 3, seed: 4)
        let b = optimiser.run(iterations: 2_000, walkers: 3, seed: 4)
        XCTAssertEqual(a, b)
        let none = ReschedulingOptimiser(snapshot, objective: .weightedTardiness).run(iterations: 0)
        XCTAssertEqual(none.value, none.startValue, "without a budget the plan is the best rule's")
        XCTAssertEqual(none.iterations, 0)
    }
}
