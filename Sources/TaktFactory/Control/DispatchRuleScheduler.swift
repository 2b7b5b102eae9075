/// The built-in dispatching rules as a scheduling controller: at each station, the waiting job
/// that can start and ranks first under the rule (ties: the job created first), on the first free
/// machine already set up for its family, else the first free machine. Non-delay: it never holds
/// work back.
///
/// `rule: nil` applies each station's own rule (`layout.stations[s].dispatchRule`). Plugged in
/// as the active scheduler with no shadow, the model runs it on its inline dispatching path
/// (results identical, faster); as a shadow, or deployed mid-run, it runs through the seam.
public struct DispatchRuleScheduler: SchedulingController {
    /// The rule applied at every station (nil: each station's own).
    public var rule: DispatchRule?

    public init(rule: DispatchRule? = nil) { self.rule = rule }

    public var name: String { rule?.name ?? "station-rules" }

    public mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        guard let job = Self.choose(rule ?? shop.layout.stations[station].dispatchRule,
                                    among: shop.queues[station], now: shop.now),
              let machine = Self.machine(for: job, at: station, shop: shop) else { return [] }
        return [Assignment(job: job.serial, machine: machine)]
    }

    /// The job the rule picks among those that can start (nil if none can).
    public static func choose(_ rule: DispatchRule, among queue: [ShopJob], now: Double) -> ShopJob? {
        var meanTime = 0.0
        if case .atc = rule {
            for job in queue { meanTime += job.expectedTime }
            meanTime /= Double(max(1, queue.count))
        }
        var best: ShopJob?
        var bestKey = 0.0, bestTie = 0.0
        for job in queue where job.canStart {
            let (key, tie) = rule.priorityKey(expectedTime: job.expectedTime, remainingWork: job.remainingWork,
                                              operationsLeft: Double(job.operationsLeft), dueDate: job.dueDate,
                                              priority: Double(job.priority), queueEntryTime: job.queueEntryTime,
                                              now: now, meanTime: meanTime)
            if let current = best, !(key < bestKey || (key == bestKey && (tie < bestTie
                                                                          || (tie == bestTie
                                                                              && job.serial < current.serial)))) {
                continue
            }
            best = job
            bestKey = key
            bestTie = tie
        }
        return best
    }

    /// The first free machine of the station set up for the job's family, else the first free one.
    public static func machine(for job: ShopJob, at station: Int, shop: ShopObservation) -> Int? {
        var chosen: Int?
        for m in shop.layout.stations[station].machines where shop.machines[m].isFree {
            if chosen == nil { chosen = m }
            if shop.machines[m].setupFamily == job.setupFamily { return m }
        }
        return chosen
    }
}
