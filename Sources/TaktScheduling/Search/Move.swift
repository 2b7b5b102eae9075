/// A change of a `Sequencing` the tabu search may make.
enum Move: Sendable, Equatable {
    /// On machine `machine`, the operation at position `from` moves to just after the one at
    /// `to` (`from` < `to`): a forward insertion; `to == from + 1` is a swap of neighbours.
    case forward(machine: Int, from: Int, to: Int)
    /// On machine `machine`, the operation at position `to` moves to just before the one at
    /// `from` (`from` < `to`): a backward insertion.
    case backward(machine: Int, from: Int, to: Int)
    /// Operation `operation` leaves its machine and is inserted on `machine` at `position`
    /// (before the operation now there; at the end when `position` is the sequence's length).
    case reassign(operation: Int, machine: Int, position: Int)
}

extension Sequencing {
    /// Applies `move` and returns the move that undoes it. Heads and tails are stale until
    /// `evaluate` runs.
    @discardableResult
    mutating func apply(_ move: Move, _ flat: FlatProblem) -> Move {
        switch move {
        case .forward(let m, let i, let j):
            let moved = sequences[m][i]
            for p in i..<j { sequences[m][p] = sequences[m][p + 1] }
            sequences[m][j] = moved
            relink(machine: m, from: i, through: j)
            return .backward(machine: m, from: i, to: j)
        case .backward(let m, let i, let j):
            let moved = sequences[m][j]
            var p = j
            while p > i { sequences[m][p] = sequences[m][p - 1]; p -= 1 }
            sequences[m][i] = moved
            relink(machine: m, from: i, through: j)
            return .forward(machine: m, from: i, to: j)
        case .reassign(let operation, let target, let insertAt):
            let source = machine[operation], oldPosition = position[operation]
            sequences[source].remove(at: oldPosition)
            relink(machine: source, from: oldPosition)
            sequences[target].insert(operation, at: insertAt)
            machine[operation] = target
            duration[operation] = flat.alternatives[operation].first { $0.machine == target }!.duration
            relink(machine: target, from: insertAt)
            return .reassign(operation: operation, machine: source, position: oldPosition)
        }
    }
}
