import TaktKernel

/// One independent tabu search, seeded with its own random stream.
///
/// Each iteration takes one critical path of the current selection and considers:
/// - **N7 insertions** (Zhang, Li, Guan and Rao 2007) in each critical block of two or more
///   operations: the first or last operation moved to every other place in the block, and every
///   inner operation moved to the front or the back — which includes the N5 swaps of Nowicki and
///   Smutnicki (1996) at both ends of each block;
/// - for flexible problems, **reassignments**: every operation of the path with other eligible
///   machines moved to each of them at the best safe position.
///
/// Moves are ranked by the estimate of `Sequencing.estimate` (ties broken at random); a move is
/// tabu when it restores an order of two operations (or a machine of an operation) undone within
/// the last `tenure` iterations, with a tenure drawn afresh for each move from [L, 1.5 L],
/// L = 10 + jobs / machines. A tabu move is still taken when its estimate beats the best
/// makespan (aspiration). When every move is tabu a random one is taken. After `stallLimit`
/// iterations without a new best the walk restarts from a random member of an elite pool of
/// the best distinct selections found, perturbed by a few random critical swaps, with an empty
/// tabu list.
struct TabuWalker {
    let flat: FlatProblem
    let lowerBound: Int
    var random: Xoshiro256StarStar
    var current: Sequencing
    private(set) var best: Sequencing
    private(set) var iterations = 0
    private var tabu: TabuMemory
    private var elite: [Sequencing] = []
    private let eliteSize = 8
    private let stallLimit: Int
    private let baseTenure: Int

    // Scratch.
    private var path: [Int] = []
    private var blocks: [CriticalBlock] = []
    private var candidates: [(move: Move, estimate: Int, tabu: Bool)] = []
    private var buffer: [Int] = []
    private var heads: [Int] = []

    init(flat: FlatProblem, start: Sequencing, lowerBound: Int, seed: UInt64) {
        self.flat = flat
        self.lowerBound = lowerBound
        random = Xoshiro256StarStar(seed: seed)
        current = start
        best = start
        tabu = TabuMemory(operations: flat.count, machines: flat.machineCount)
        baseTenure = 10 + flat.jobCount / max(1, flat.machineCount)
        stallLimit = max(1_000, 5 * flat.count)
        elite = [start]
    }

    /// True once the best makespan equals the lower bound (nothing better exists).
    var isOptimal: Bool { best.makespan <= lowerBound }

    /// Runs up to `count` iterations, or fewer if `shouldStop` (asked every 64 iterations) says
    /// so or the bound is reached; `improved` is called with each new best makespan.
    mutating func run(iterations count: Int, shouldStop: () -> Bool, improved: (Int) -> Void) {
        var stall = 0
        var done = 0
        while done < count && !isOptimal {
            if done & 63 == 0 && shouldStop() { break }
            done += 1
            iterations += 1
            guard step() else {
                // No move: the critical path is one job's chain, so the current selection is optimal
                // for its assignment; in a classic problem its makespan is a job length ≤ bound.
                if !flat.isFlexible { break }
                restart()
                stall = 0
                continue
            }
            if current.makespan < best.makespan {
                best = current
                stall = 0
                improved(best.makespan)
                addToElite(current)
            } else {
                stall += 1
                if stall >= stallLimit {
                    restart()
                    stall = 0
                }
            }
        }
    }

    /// One tabu move; false when the critical path offers no move at all.
    private mutating func step() -> Bool {
        current.criticalPath(flat, random: &random, path: &path, blocks: &blocks)
        collectMoves()
        guard !candidates.isEmpty else { return false }
        // Best allowed move by estimate, ties at random.
        while !candidates.isEmpty {
            var chosen = -1, chosenValue = Int.max, ties = 0
            for (k, candidate) in candidates.enumerated() {
                let allowed = !candidate.tabu || candidate.estimate < best.makespan
                guard allowed else { continue }
                if candidate.estimate < chosenValue {
                    chosen = k; chosenValue = candidate.estimate; ties = 1
                } else if candidate.estimate == chosenValue {
                    ties += 1
                    if random.next() % UInt64(ties) == 0 { chosen = k }
                }
            }
            if chosen < 0 { chosen = Int(random.next() % UInt64(candidates.count)) }
            let move = candidates[chosen].move
            recordTabu(move)
            let undo = current.apply(move, flat)
            if current.evaluate(flat) { return true }
            // A cyclic selection (possible only for long insertions): undo, drop the move, try another.
            current.apply(undo, flat)
            _ = current.evaluate(flat)
            candidates.remove(at: chosen)
        }
        return true
    }

    /// Fills `candidates` with the moves of the current critical path and their estimates.
    private mutating func collectMoves() {
        candidates.removeAll(keepingCapacity: true)
        let iteration = iterations
        for block in blocks {
            let i = block.first, j = block.last
            let sequence = current.sequences[block.machine]
            func offer(_ move: Move) {
                guard current.insertionIsSafe(move, flat) else { return }
                let estimate = current.estimate(move, flat, buffer: &buffer, heads: &heads)
                var isTabu = false
                switch move {
                case .forward(_, let a, let b):
                    let u = sequence[a]
                    for p in (a + 1)...b where tabu.forbidsOrder(sequence[p], before: u,
                                                                 at: iteration) { isTabu = true; break }
                case .backward(_, let a, let b):
                    let v = sequence[b]
                    for p in a..<b where tabu.forbidsOrder(v, before: sequence[p],
                                                           at: iteration) { isTabu = true; break }
                case .reassign: break
                }
                candidates.append((move, estimate, isTabu))
            }
            // First operation to every later place; last operation to every earlier place.
            for to in (i + 1)...j { offer(.forward(machine: block.machine, from: i, to: to)) }
            for from in i..<j where !(from == i && j == i + 1) { offer(.backward(machine: block.machine, from: from,
                                                                                 to: j)) }
            // Inner operations to the front and to the back.
            if j - i >= 2 {
                for inner in (i + 1)..<j {
                    // (The swaps with the first and last operation are already offered above.)
                    if inner != i + 1 { offer(.backward(machine: block.machine, from: i, to: inner)) }
                    if inner != j - 1 { offer(.forward(machine: block.machine, from: inner, to: j)) }
                }
            }
        }
        guard flat.isFlexible else { return }
        for id in path where flat.alternatives[id].count > 1 {
            for alternative in flat.alternatives[id] where alternative.machine != current.machine[id] {
                let found = current.bestReassignment(of: id, to: alternative.machine,
                                                     duration: alternative.duration, flat)
                guard let (position, estimate) = found else { continue }
                let isTabu = tabu.forbidsMachine(id, alternative.machine, at: iteration)
                candidates.append((.reassign(operation: id, machine: alternative.machine, position: position),
                                   estimate, isTabu))
            }
        }
    }

    /// Forbids undoing `move` (applied next) for a fresh random tenure.
    private mutating func recordTabu(_ move: Move) {
        let tenure = baseTenure + Int(random.next() % UInt64(baseTenure / 2 + 1))
        let until = iterations + tenure
        switch move {
        case .forward(let m, let i, let j):
            let sequence = current.sequences[m], u = sequence[i]
            for p in (i + 1)...j { tabu.forbidOrder(u, before: sequence[p], until: until) }
        case .backward(let m, let i, let j):
            let sequence = current.sequences[m], v = sequence[j]
            for p in i..<j { tabu.forbidOrder(sequence[p], before: v, until: until) }
        case .reassign(let operation, _, _):
            tabu.forbidMachine(operation, current.machine[operation], until: until)
        }
    }

    private mutating func addToElite(_ solution: Sequencing) {
        if elite.contains(where: { $0.makespan == solution.makespan && $0.sequences == solution.sequences }) { return }
        elite.append(solution)
        elite.sort { $0.makespan < $1.makespan }
        if elite.count > eliteSize { elite.removeLast() }
    }

    /// Starts again from a perturbed elite selection with an empty tabu list.
    private mutating func restart() {
        current = elite[Int(random.next() % UInt64(elite.count))]
        tabu.clear()
        let kicks = 2 + Int(random.next() % 4)
        for _ in 0..<kicks {
            current.criticalPath(flat, random: &random, path: &path, blocks: &blocks)
            var swaps: [Move] = blocks.flatMap { block in
                (block.first..<block.last).map { Move.forward(machine: block.machine, from: $0, to: $0 + 1) }
            }
            if flat.isFlexible {
                for id in path where flat.alternatives[id].count > 1 {
                    for alternative in flat.alternatives[id] where alternative.machine != current.machine[id] {
                        if let (position, _) = current.bestReassignment(of: id, to: alternative.machine,
                                                                         duration: alternative.duration, flat) {
                            swaps.append(.reassign(operation: id, machine: alternative.machine, position: position))
                        }
                    }
                }
            }
            guard !swaps.isEmpty else { break }
            let saved = current
            current.apply(swaps[Int(random.next() % UInt64(swaps.count))], flat)
            if !current.evaluate(flat) { current = saved }
        }
        if current.makespan < best.makespan { best = current; addToElite(current) }
    }
}
