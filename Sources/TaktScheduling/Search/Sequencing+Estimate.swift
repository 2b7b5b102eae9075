/// Fast makespan estimates of moves (Balas and Vazacopoulos 1998; Taillard 1994): the heads of
/// the operations a move reorders are recomputed forward and their tails backward, every other
/// head and tail taken as it was; the estimate is the longest path through the reordered
/// operations. It is exact for a swap of two operations whose other neighbours keep their
/// values, and a close lower estimate otherwise — good enough to rank moves, which is all it is
/// used for: the chosen move is then evaluated exactly.
extension Sequencing {
    /// End of the job predecessor of `id` (0 without one).
    @inline(__always)
    func jobReady(_ id: Int, _ flat: FlatProblem) -> Int {
        let a = flat.jobPrevious[id]
        return a >= 0 ? head[a] + duration[a] : 0
    }

    /// Length of the longest path after `id` through its job successor (0 without one).
    @inline(__always)
    func jobRest(_ id: Int, _ flat: FlatProblem) -> Int {
        let c = flat.jobNext[id]
        return c >= 0 ? duration[c] + tail[c] : 0
    }

    /// The estimate of a forward or backward insertion on machine `m` between positions `i` < `j`.
    /// `buffer` is scratch space.
    func estimate(_ move: Move, _ flat: FlatProblem, buffer: inout [Int], heads: inout [Int]) -> Int {
        guard case (let m, let i, let j, let forward)? = Self.insertion(move) else { return Int.max }
        let sequence = sequences[m]
        buffer.removeAll(keepingCapacity: true)
        if forward {
            for p in (i + 1)...j { buffer.append(sequence[p]) }
            buffer.append(sequence[i])
        } else {
            buffer.append(sequence[j])
            for p in i..<j { buffer.append(sequence[p]) }
        }
        var ready = i > 0 ? head[sequence[i - 1]] + duration[sequence[i - 1]] : 0
        heads.removeAll(keepingCapacity: true)
        for id in buffer {
            let start = max(ready, jobReady(id, flat))
            heads.append(start)
            ready = start + duration[id]
        }
        var rest = j + 1 < sequence.count ? duration[sequence[j + 1]] + tail[sequence[j + 1]] : 0
        var longest = 0
        for k in stride(from: buffer.count - 1, through: 0, by: -1) {
            let id = buffer[k]
            let after = max(rest, jobRest(id, flat))
            longest = max(longest, heads[k] + duration[id] + after)
            rest = after + duration[id]
        }
        return longest
    }

    /// The sufficient condition of Balas and Vazacopoulos for an insertion of critical operations
    /// to keep the graph acyclic.
    func insertionIsSafe(_ move: Move, _ flat: FlatProblem) -> Bool {
        guard case (let m, let i, let j, let forward)? = Self.insertion(move) else { return true }
        let u = sequences[m][i], v = sequences[m][j]
        if j == i + 1 { return true }
        if forward {
            let next = flat.jobNext[u]
            return next < 0 || tail[v] + duration[v] >= tail[next] + duration[next]
        } else {
            let previous = flat.jobPrevious[v]
            return previous < 0 || head[u] + duration[u] >= head[previous] + duration[previous]
        }
    }

    static func insertion(_ move: Move) -> (Int, Int, Int, Bool)? {
        switch move {
        case .forward(let m, let i, let j): return (m, i, j, true)
        case .backward(let m, let i, let j): return (m, i, j, false)
        case .reassign: return nil
        }
    }

    /// The best insertion of `operation` on another eligible machine `target` among the
    /// positions that cannot close a cycle, with its estimate (the longest path through the
    /// operation at its new place), or nil when no position is safe.
    ///
    /// A position is safe when no operation before it is a successor of `operation` (their
    /// heads are below its end) and none after it a predecessor (their tails are below its time
    /// plus tail); heads rise and tails fall along a machine, so the safe positions form one range.
    func bestReassignment(of operation: Int, to target: Int, duration newDuration: Int,
                          _ flat: FlatProblem) -> (position: Int, estimate: Int)? {
        let sequence = sequences[target]
        let end = head[operation] + duration[operation], before = duration[operation] + tail[operation]
        var low = sequence.count
        for p in 0..<sequence.count where tail[sequence[p]] < before { low = p; break }
        let ready = jobReady(operation, flat), rest = jobRest(operation, flat)
        var best: (position: Int, estimate: Int)?
        var p = low
        while p <= sequence.count {
            if p > 0 && head[sequence[p - 1]] >= end { break }
            let start = max(ready, p > 0 ? head[sequence[p - 1]] + duration[sequence[p - 1]] : 0)
            let after = max(rest, p < sequence.count ? duration[sequence[p]] + tail[sequence[p]] : 0)
            let value = start + newDuration + after
            if best == nil || value < best!.estimate { best = (p, value) }
            p += 1
        }
        return best
    }
}
