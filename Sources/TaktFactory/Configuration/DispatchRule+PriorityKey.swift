#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DispatchRule {
    /// The rule's sort key for one waiting job (smaller goes first) and a secondary key; the
    /// job's creation serial breaks what remains. The one definition of every rule: the factory
    /// model's inline dispatching and `DispatchRuleScheduler` both call it.
    /// - Parameters:
    ///   - expectedTime: standard time of the waiting operation for the whole job (seconds).
    ///   - remainingWork: standard time of the job's remaining operations, this one included.
    ///   - operationsLeft: operations left, this one included.
    ///   - meanTime: mean `expectedTime` of the jobs waiting at the station (ATC only).
    @inlinable @inline(__always)
    public func priorityKey(expectedTime p: Double, remainingWork remaining: Double, operationsLeft: Double,
                            dueDate: Double, priority: Double, queueEntryTime: Double, now: Double,
                            meanTime: Double) -> (Double, Double) {
        switch self {
        case .fifo: return (queueEntryTime, 0)
        case .spt: return (p, 0)
        case .lpt: return (-p, 0)
        case .edd: return (dueDate, 0)
        case .criticalRatio: return (remaining > 0 ? (dueDate - now) / remaining : dueDate, 0)
        case .mwkr: return (-remaining, 0)
        case .mopnr: return (-operationsLeft, 0)
        case .lor: return (operationsLeft, 0)
        case .srpt: return (remaining, 0)
        case .priority: return (priority, queueEntryTime)
        case .atc(let k):
            guard p > 0 else { return (-.infinity, 0) }
            let slack = dueDate.isFinite ? max(0, dueDate - p - now) : .infinity
            let scale = k * (meanTime > 0 ? meanTime : 1)
            return (-(1 / p) * exp(-slack / scale), 0)
        }
    }
}
