/// A point of the search: a machine for every operation and an order of the operations on each
/// machine — a selection of the disjunctive graph — with the heads (earliest starts), tails
/// (longest path after the operation ends) and makespan of the semi-active schedule it gives.
///
/// Heads and tails are recomputed by `evaluate()` in O(N) after every move, by a topological
/// sweep that also detects a cyclic (infeasible) selection.
struct Sequencing: Sendable {
    /// Machine and time of each operation.
    var machine: [Int]
    var duration: [Int]
    /// The operations of each machine, in processing order.
    var sequences: [[Int]]
    /// Position of each operation in its machine's sequence.
    var position: [Int]
    /// Machine neighbours, or -1.
    var machinePrevious: [Int]
    var machineNext: [Int]
    /// Earliest start of each operation, and the longest path from its end to the sink.
    var head: [Int]
    var tail: [Int]
    var makespan = 0
    /// Scratch space of `evaluate`.
    private var order: [Int]
    private var indegree: [Int]

    /// The selection of `schedule`: machines as in it, each machine's operations ordered by start.
    init(_ flat: FlatProblem, schedule: Schedule) {
        let n = flat.count
        machine = Array(repeating: 0, count: n)
        duration = Array(repeating: 0, count: n)
        var starts = Array(repeating: 0, count: n)
        for entry in schedule.operations {
            let id = flat.firstOfJob[entry.job] + entry.operation
            machine[id] = entry.machine
            duration[id] = entry.end - entry.start
            starts[id] = entry.start
        }
        var perMachine: [[Int]] = Array(repeating: [], count: flat.machineCount)
        let times = duration
        for id in 0..<n { perMachine[machine[id]].append(id) }
        for m in perMachine.indices {
            perMachine[m].sort { (starts[$0], starts[$0] + times[$0], $0) < (starts[$1], starts[$1] + times[$1], $1) }
        }
        sequences = perMachine
        position = Array(repeating: 0, count: n)
        machinePrevious = Array(repeating: -1, count: n)
        machineNext = Array(repeating: -1, count: n)
        head = Array(repeating: 0, count: n)
        tail = Array(repeating: 0, count: n)
        order = Array(repeating: 0, count: n)
        indegree = Array(repeating: 0, count: n)
        for m in sequences.indices { relink(machine: m, from: 0) }
        let acyclic = evaluate(flat)
        precondition(acyclic, "a schedule's own machine order cannot be cyclic")
    }

    /// Recomputes positions and machine neighbours of machine `m` from position `from` on
    /// (and the link into `from`).
    mutating func relink(machine m: Int, from: Int, through last: Int? = nil) {
        let sequence = sequences[m]
        let end = min(last ?? sequence.count - 1, sequence.count - 1)
        guard from <= end else {
            if from > 0 && from - 1 < sequence.count { machineNext[sequence[from - 1]] = -1 }
            return
        }
        for p in from...end {
            let id = sequence[p]
            position[id] = p
            machinePrevious[id] = p > 0 ? sequence[p - 1] : -1
            machineNext[id] = p + 1 < sequence.count ? sequence[p + 1] : -1
        }
        if from > 0 { machineNext[sequence[from - 1]] = sequence[from] }
        if end + 1 < sequence.count { machinePrevious[sequence[end + 1]] = sequence[end] }
    }

    /// Heads, tails and makespan of the current selection; false (and values left undefined)
    /// when the selection has a cycle.
    /// - Complexity: O(N).
    mutating func evaluate(_ flat: FlatProblem) -> Bool {
        let n = flat.count
        var span = 0
        let ok: Bool = flat.jobPrevious.withUnsafeBufferPointer { jp in
            flat.jobNext.withUnsafeBufferPointer { jn in
                machinePrevious.withUnsafeBufferPointer { mp in
                    machineNext.withUnsafeBufferPointer { mn in
                        duration.withUnsafeBufferPointer { d in
                            head.withUnsafeMutableBufferPointer { h in
                                tail.withUnsafeMutableBufferPointer { t in
                                    order.withUnsafeMutableBufferPointer { o in
                                        indegree.withUnsafeMutableBufferPointer { deg in
                                            // Kahn's sweep with o as the queue: o[0..<ordered] is done,
                                            // o[ordered..<queued] waits; o ends as a topological order.
                                            var queued = 0, ordered = 0
                                            for i in 0..<n {
                                                deg[i] = (jp[i] >= 0 ? 1 : 0) + (mp[i] >= 0 ? 1 : 0)
                                                if deg[i] == 0 { o[queued] = i; queued += 1 }
                                            }
                                            while ordered < queued {
                                                let item = o[ordered]
                                                ordered += 1
                                                var start = 0
                                                let a = jp[item], b = mp[item]
                                                if a >= 0 { start = h[a] + d[a] }
                                                if b >= 0 { start = max(start, h[b] + d[b]) }
                                                h[item] = start
                                                let c = jn[item], e = mn[item]
                                                if c >= 0 {
                                                    deg[c] -= 1
                                                    if deg[c] == 0 { o[queued] = c; queued += 1 }
                                                }
                                                if e >= 0 {
                                                    deg[e] -= 1
                                                    if deg[e] == 0 { o[queued] = e; queued += 1 }
                                                }
                                            }
                                            guard ordered == n else { return false }
                                            for k in stride(from: n - 1, through: 0, by: -1) {
                                                let item = o[k]
                                                var after = 0
                                                let c = jn[item], e = mn[item]
                                                if c >= 0 { after = d[c] + t[c] }
                                                if e >= 0 { after = max(after, d[e] + t[e]) }
                                                t[item] = after
                                                span = max(span, h[item] + d[item] + after)
                                            }
                                            return true
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if ok { makespan = span }
        return ok
    }

    /// The semi-active schedule of this selection, in file order.
    func schedule(_ flat: FlatProblem) -> Schedule {
        Schedule(operations: (0..<flat.count).map { id in
            ScheduledOperation(job: flat.job[id], operation: flat.indexInJob[id], machine: machine[id],
                               start: head[id], end: head[id] + duration[id])
        })
    }
}
