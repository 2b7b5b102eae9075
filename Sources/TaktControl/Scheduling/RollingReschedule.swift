import TaktFactory
import TaktScheduling

/// Rescheduling with the optimiser: at each trigger (a new order, a breakdown, a repair, an
/// interval, a deviation from the plan — `ReschedulingSettings.triggers`) it takes a snapshot of
/// the shop from what the shop-floor system knows, plans it with `ReschedulingOptimiser` for the
/// chosen objective under an iteration budget, and dispatches by that plan until the next
/// trigger.
///
/// The snapshot (`snapshot(of:)`): every job waiting in a queue with its remaining routing at
/// standard times; every job on a machine with the operations after the current one, ready when
/// the machine is expected to finish (its start plus the standard time); machines down or in
/// maintenance ready after the expected repair — the mean of the repairs observed so far, less
/// the time already down (`repairEstimate` before the first); due dates; weights from order
/// priority (`1 / (1 + priority)`). The simulator's drawn durations and failure laws are never
/// used.
///
/// Dispatching by the plan is non-delay: a free machine takes, among the jobs waiting at its
/// station that can start, the one the plan starts first there (its planned machine if that one
/// is free), and jobs outside the plan come after them in `fallback`'s order. With random times the
/// plan ages; the triggers renew it. The clock does not move while it plans; each plan's work
/// (operations decoded) is a KPI, deterministic, so results never depend on the machine's speed.
public struct RollingReschedule: SchedulingController {
    /// One planned operation.
    struct PlannedOperation: Equatable {
        var operation: Int
        var station: Int
        var machine: Int
        var start: Double
        var end: Double
        var finished = false
    }

    public let settings: ReschedulingSettings
    /// The current plan, by job serial, in routing order.
    var plan: [Int64: [PlannedOperation]] = [:]
    var hasPlan = false
    var dirty = true
    var lastPlan = -Double.infinity
    var recentPlans: [Double] = []
    /// When each machine went down (observed), and the repair times observed so far.
    var downSince: [Int: Double] = [:]
    var repairTotal = 0.0
    var repairCount = 0
    /// Figures for the report.
    var replans = 0
    var deferred = 0
    var triggerCounts: [ReschedulingTrigger: Int] = [:]
    var decodedOperations = 0
    var plannedOperations = 0
    var frozenOperations = 0
    var improvement = 0.0

    /// A controller with `settings`.
    /// - Parameter settings: How it plans and when it plans again.
    public init(_ settings: ReschedulingSettings = ReschedulingSettings()) { self.settings = settings }

    public var name: String { "rescheduling" }
    public var observesEvents: Bool { true }

    public mutating func observe(_ event: ShopEvent, shop: ShopObservation) {
        switch event {
        case .queued(let job, _, _):
            if hasPlan, plan[job] == nil { fire(.arrival) }
        case .failed(let machine, let time):
            downSince[machine] = time
            fire(.breakdown)
        case .repaired(let machine, let time):
            if let since = downSince.removeValue(forKey: machine) {
                repairTotal += time - since
                repairCount += 1
            }
            fire(.repair)
        case .finished(let job, let machine, let time):
            guard var steps = plan[job] else { return }
            let station = shop.layout.machineStation[machine]
            if let k = steps.firstIndex(where: { !$0.finished && $0.station == station }) {
                steps[k].finished = true
                plan[job] = steps
                if abs(time - steps[k].end) > settings.deviation { fire(.deviation) }
            }
        }
    }

    public mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        if settings.triggers.contains(.interval), shop.now - lastPlan >= settings.interval { fire(.interval) }
        if dirty || !hasPlan, mayPlan(at: shop.now) { replan(shop) }
        var free = shop.freeMachines(at: station)
        guard !free.isEmpty else { return [] }
        let waiting = shop.queues[station].filter(\.canStart)
        let steps = waiting.map { plannedStep(of: $0, at: station) }
        let planned = zip(waiting, steps).compactMap { job, step in step.map { (job: job, step: $0) } }
            .sorted { ($0.step.start, $0.job.serial) < ($1.step.start, $1.job.serial) }
        var result: [Assignment] = []
        for (job, step) in planned where !free.isEmpty {
            let machine = free.contains(step.machine) ? step.machine : free[0]
            result.append(Assignment(job: job.serial, machine: machine))
            free.removeAll { $0 == machine }
        }
        var outside = zip(waiting, steps).filter { $0.1 == nil }.map(\.0)
        let rule = settings.fallback ?? shop.layout.stations[station].dispatchRule
        while !free.isEmpty, let job = DispatchRuleScheduler.choose(rule, among: outside, now: shop.now) {
            let machine = free.first { shop.machines[$0].setupFamily == job.setupFamily } ?? free[0]
            result.append(Assignment(job: job.serial, machine: machine))
            free.removeAll { $0 == machine }
            outside.removeAll { $0.serial == job.serial }
        }
        return result
    }

    public func metrics() -> [ControllerMetric] {
        let perPlan = replans > 0 ? Double(decodedOperations) / Double(replans) : 0
        var result = [
            ControllerMetric("replans", "Plans made", value: Double(replans)),
            ControllerMetric("deferred", "Triggers held back by the replanning limit", value: Double(deferred)),
            ControllerMetric("operations_per_plan", "Operations in a plan, on average",
                             value: replans > 0 ? Double(plannedOperations) / Double(replans) : 0),
            ControllerMetric("work_per_plan", "Operations decoded per plan (the search's work; its time is in "
                                 + "docs/performance.md)", value: perPlan),
            ControllerMetric("frozen_operations", "Planned starts kept by the frozen horizon",
                             value: Double(frozenOperations)),
            ControllerMetric("improvement", "Objective gained by the search over the best rule, summed over plans",
                             value: improvement),
        ]
        for trigger in ReschedulingTrigger.allCases where settings.triggers.contains(trigger) {
            result.append(ControllerMetric("trigger_\(trigger.rawValue)", "Plans asked for by \(trigger.rawValue)",
                                           value: Double(triggerCounts[trigger] ?? 0)))
        }
        return result
    }

    /// Notes a trigger when it is enabled.
    mutating func fire(_ trigger: ReschedulingTrigger) {
        guard settings.triggers.contains(trigger) else { return }
        triggerCounts[trigger, default: 0] += 1
        dirty = true
    }

    /// Whether the replanning limit allows a plan now (a refusal is counted once per trigger).
    mutating func mayPlan(at now: Double) -> Bool {
        guard hasPlan, let limit = settings.maxReplansPerHour else { return true }
        recentPlans.removeAll { $0 <= now - 3600 }
        if recentPlans.count < limit { return true }
        if dirty { deferred += 1 }
        return false
    }

    /// The plan's step for the job's current operation at `station`.
    func plannedStep(of job: ShopJob, at station: Int) -> PlannedOperation? {
        plan[job.serial]?.first { $0.operation == job.operation && $0.station == station && !$0.finished }
    }

    /// Plans the shop as it stands.
    mutating func replan(_ shop: ShopObservation) {
        let (snapshot, jobs) = snapshot(of: shop)
        let result = ReschedulingOptimiser(snapshot, objective: settings.objective)
            .run(iterations: settings.iterations, walkers: settings.walkers,
                 seed: settings.seed &+ UInt64(replans))
        var newPlan: [Int64: [PlannedOperation]] = [:]
        for operation in result.operations {
            let job = jobs[operation.job]
            let index = job.firstOperation + operation.operation
            newPlan[job.serial, default: []].append(PlannedOperation(
                operation: index, station: shop.layout.machineStation[operation.machine], machine: operation.machine,
                start: shop.now + Double(operation.start) * settings.resolution,
                end: shop.now + Double(operation.end) * settings.resolution))
        }
        plan = newPlan
        hasPlan = true
        dirty = false
        lastPlan = shop.now
        recentPlans.append(shop.now)
        replans += 1
        decodedOperations += result.decodedOperations
        plannedOperations += snapshot.operationCount
        frozenOperations += snapshot.frozen.count
        improvement += result.startValue - result.value
    }

    /// A planned job: its serial and the routing position of its first planned operation.
    struct SnapshotJob {
        var serial: Int64
        var firstOperation: Int
    }

    /// The shop as a rescheduling problem, with the job behind each snapshot job.
    func snapshot(of shop: ShopObservation) -> (ShopSnapshot, [SnapshotJob]) {
        let unit = settings.resolution
        func units(_ seconds: Double) -> Int { max(0, Int((seconds / unit).rounded())) }
        let meanRepair = repairCount > 0 ? repairTotal / Double(repairCount) : settings.repairEstimate
        var machineReady = Array(repeating: 0, count: shop.machines.count)
        for (m, machine) in shop.machines.enumerated() {
            switch machine.state {
            case .busy, .setup:
                let end = machine.since + (machine.jobs.first?.expectedTime ?? 0)
                machineReady[m] = units(end - shop.now)
            case .down, .maintenance:
                machineReady[m] = units(meanRepair - (shop.now - machine.since))
            default:
                machineReady[m] = 0
            }
        }
        var jobs: [ShopSnapshot.Job] = [], behind: [SnapshotJob] = []
        var frozen: [(start: Double, serial: Int64, index: Int)] = []
        func add(_ job: ShopJob, from first: Int, ready: Int, pinned: Int?) {
            let routes = shop.layout.products[job.product].routes
            guard routes.lowerBound + first < routes.upperBound else { return }
            let operations = (routes.lowerBound + first..<routes.upperBound).map { route in
                let operation = shop.layout.operations[route]
                let duration = units(operation.standardTime * Double(job.quantity))
                return SchedulingProblem.Operation(alternatives: operation.stations.flatMap { station in
                    shop.layout.stations[station].machines.map {
                        SchedulingProblem.Alternative(machine: $0, duration: duration)
                    }
                })
            }
            let due = job.dueDate.isFinite ? Int(((job.dueDate - shop.now) / unit).rounded()) : nil
            jobs.append(ShopSnapshot.Job(operations: operations, ready: ready, due: due,
                                         weight: 1 / Double(1 + max(0, job.priority)), pinnedMachine: pinned))
            behind.append(SnapshotJob(serial: job.serial, firstOperation: first))
        }
        for (station, queue) in shop.queues.enumerated() {
            for job in queue {
                var pinned: Int?
                if settings.frozenHorizon > 0, job.canStart, let step = plannedStep(of: job, at: station),
                   step.start < shop.now + settings.frozenHorizon {
                    pinned = step.machine
                    frozen.append((step.start, job.serial, jobs.count))
                }
                add(job, from: job.operation, ready: 0, pinned: pinned)
            }
        }
        for (m, machine) in shop.machines.enumerated() {
            for job in machine.jobs {
                let finished = machine.state == .blocked
                add(job, from: job.operation + 1, ready: finished ? 0 : machineReady[m], pinned: nil)
            }
        }
        let frozenOrder = frozen.sorted { ($0.start, $0.serial) < ($1.start, $1.serial) }.map(\.index)
        return (ShopSnapshot(machineCount: shop.machines.count, machineReady: machineReady, jobs: jobs,
                             frozen: frozenOrder), behind)
    }
}
