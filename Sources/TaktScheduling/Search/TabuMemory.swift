/// The tabu list: until which iteration an order of two operations on a machine ("a before b"),
/// or an operation's return to a machine, is forbidden.
///
/// Dense tables for small problems (up to 2 048 operations; 4 M operation × machine pairs),
/// hash tables beyond, so memory stays linear in what is actually made tabu.
struct TabuMemory: Sendable {
    private let count: Int
    private let machineCount: Int
    private var pairs: [UInt32]
    private var sparsePairs: [Int: UInt32] = [:]
    private var machines: [UInt32]
    private var sparseMachines: [Int: UInt32] = [:]
    private let dense: Bool
    private let denseMachines: Bool

    init(operations: Int, machines: Int) {
        count = operations
        machineCount = machines
        dense = operations <= 2_048
        pairs = dense ? Array(repeating: 0, count: operations * operations) : []
        denseMachines = operations * machines <= 4_194_304
        self.machines = denseMachines ? Array(repeating: 0, count: operations * machines) : []
    }

    /// Forgets everything (after a restart).
    mutating func clear() {
        if dense {
            pairs.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        } else {
            sparsePairs.removeAll(keepingCapacity: true)
        }
        if denseMachines {
            machines.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        } else {
            sparseMachines.removeAll(keepingCapacity: true)
        }
    }

    /// True while putting `a` before `b` on a machine is forbidden at `iteration`.
    func forbidsOrder(_ a: Int, before b: Int, at iteration: Int) -> Bool {
        let until = dense ? pairs[a * count + b] : sparsePairs[a * count + b, default: 0]
        return Int(until) > iteration
    }

    /// Forbids putting `a` before `b` until iteration `until`.
    mutating func forbidOrder(_ a: Int, before b: Int, until: Int) {
        let value = UInt32(clamping: until)
        if dense { pairs[a * count + b] = value } else { sparsePairs[a * count + b] = value }
    }

    /// True while moving `operation` onto `machine` is forbidden.
    func forbidsMachine(_ operation: Int, _ machine: Int, at iteration: Int) -> Bool {
        let key = operation * machineCount + machine
        return Int(denseMachines ? machines[key] : sparseMachines[key, default: 0]) > iteration
    }

    mutating func forbidMachine(_ operation: Int, _ machine: Int, until: Int) {
        let key = operation * machineCount + machine
        if denseMachines {
            machines[key] = UInt32(clamping: until)
        } else {
            sparseMachines[key] = UInt32(clamping: until)
        }
    }
}
