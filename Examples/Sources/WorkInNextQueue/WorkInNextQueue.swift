import TaktFactory

/// Work in next queue (WINQ), a classic dispatching rule that needs the whole plant: a free
/// machine takes the waiting job whose *next* station has the least standard work waiting (a job
/// on its last operation counts as 0), first in, first out on ties. A per-station
/// `DispatchPolicy` cannot express it; a `SchedulingController` sees every queue.
public struct WorkInNextQueue: SchedulingController {
    public var name: String { "winq" }

    public init() {}

    public mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        var work = Array(repeating: 0.0, count: shop.queues.count)
        for (s, queue) in shop.queues.enumerated() {
            for job in queue { work[s] += job.expectedTime }
        }
        var best: ShopJob?
        var bestKey = (0.0, 0.0, Int64(0))
        for job in shop.queues[station] where job.canStart {
            let next = shop.remainingRoutes(of: job).dropFirst().first
            // the least loaded of the next operation's stations (a routing may offer several)
            let ahead = next.map { route in shop.layout.operations[route].stations.map { work[$0] }.min() ?? 0 } ?? 0
            let key = (ahead, job.queueEntryTime, job.serial)
            if best == nil || key < bestKey {
                best = job
                bestKey = key
            }
        }
        guard let job = best, let machine = DispatchRuleScheduler.machine(for: job, at: station, shop: shop)
        else { return [] }
        return [Assignment(job: job.serial, machine: machine)]
    }
}
