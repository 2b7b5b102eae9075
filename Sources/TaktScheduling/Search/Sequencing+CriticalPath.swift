import TaktKernel

/// A run of consecutive operations of one critical path on one machine: positions
/// `first...last` of that machine's sequence.
struct CriticalBlock: Sendable {
    var machine: Int
    var first: Int
    var last: Int
}

extension Sequencing {
    /// One critical path (a longest path, of length `makespan`), as the operations on it in
    /// order, and its blocks of two or more operations. Where the path could go two ways, the
    /// random generator chooses, so that repeated calls see different critical paths.
    /// - Complexity: O(N).
    func criticalPath(_ flat: FlatProblem, random: inout Xoshiro256StarStar,
                      path: inout [Int], blocks: inout [CriticalBlock]) {
        path.removeAll(keepingCapacity: true)
        blocks.removeAll(keepingCapacity: true)
        var ends = 0, last = -1
        for id in 0..<flat.count where head[id] + duration[id] == makespan && tail[id] == 0 {
            ends += 1
            if random.next() % UInt64(ends) == 0 { last = id }
        }
        guard last >= 0 else { return }
        var current = last
        var machineLinked: [Bool] = []
        while true {
            path.append(current)
            let a = flat.jobPrevious[current], b = machinePrevious[current]
            let viaJob = a >= 0 && head[a] + duration[a] == head[current]
            let viaMachine = b >= 0 && head[b] + duration[b] == head[current]
            if viaJob && viaMachine {
                if random.next() & 1 == 0 {
                    current = a; machineLinked.append(false)
                } else {
                    current = b; machineLinked.append(true)
                }
            } else if viaMachine {
                current = b; machineLinked.append(true)
            } else if viaJob {
                current = a; machineLinked.append(false)
            } else {
                break
            }
        }
        path.reverse()
        machineLinked.reverse()   // machineLinked[k]: path[k] → path[k + 1] is a machine arc
        var start = 0
        for k in 0..<path.count {
            let continues = k < machineLinked.count && machineLinked[k]
            if !continues {
                if k > start {
                    let m = machine[path[start]]
                    blocks.append(CriticalBlock(machine: m, first: position[path[start]], last: position[path[k]]))
                }
                start = k + 1
            }
        }
    }
}
