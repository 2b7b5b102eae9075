import TaktFactory
import TaktScheduling

/// Plans with the job-shop optimiser (`ScheduleOptimiser`: tabu search from the best
/// dispatching rule) and then dispatches by the plan: each machine takes the jobs the plan gives
/// it, in the plan's order, and **waits** for the next planned job rather than start another.
///
/// The plan is made at the first offer, from what the shop-floor system knows then: the jobs
/// waiting in the queues, their remaining routings and standard times (rounded to
/// `resolution`), every machine of a station eligible for its operations. With deterministic
/// times and all orders known at that moment, the run reproduces the plan's makespan exactly;
/// with random times the machines keep the plan's sequences (a semi-active schedule), which
/// never deadlocks. Jobs that were not in the plan (released later, or in process when it was
/// made) are dispatched by `fallback` on a machine whose planned work is done. Replanning on
/// events is part 2 (rescheduling).
///
/// The search has an iteration budget, so the plan depends only on the shop and the settings,
/// never on the machine's speed or thread count; the simulated clock does not move while it
/// thinks.
public struct OptimisedSchedule: SchedulingController {
    /// How the optimiser plans.
    public struct Settings: Sendable, Equatable {
        /// Tabu iterations over all walkers.
        public var iterations: Int
        /// Independent walkers sharing the iterations.
        public var walkers: Int
        /// Seed of the search.
        public var seed: UInt64
        /// Time unit of the plan (seconds): standard times are rounded to whole units.
        public var resolution: Double
        /// Rule for jobs outside the plan (nil: each station's own rule).
        public var fallback: DispatchRule?

        public init(iterations: Int = 200_000, walkers: Int = OptimiserOptions.defaultWalkers, seed: UInt64 = 1,
                    resolution: Double = 1, fallback: DispatchRule? = nil) {
            precondition(iterations >= 0 && walkers >= 1 && resolution > 0, "invalid optimiser settings")
            self.iterations = iterations
            self.walkers = walkers
            self.seed = seed
            self.resolution = resolution
            self.fallback = fallback
        }
    }

    /// One planned operation: the job (serial) and its routing position.
    struct PlannedStep: Equatable {
        var job: Int64
        var operation: Int
    }

    public let settings: Settings
    /// Each machine's planned operations in order (empty until the plan is made).
    var plan: [[PlannedStep]] = []
    /// Each machine's next planned operation.
    var next: [Int] = []
    var planned: Set<Int64> = []
    var hasPlan = false
    /// The plan's figures (seconds; the makespan counts from the moment of planning).
    var planMakespan = 0.0
    var planBound = 0.0
    var ruleMakespan = 0.0
    var planIterations = 0
    var plannedOperations = 0

    public init(_ settings: Settings = Settings()) { self.settings = settings }

    public var name: String { "optimiser" }

    public mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        if !hasPlan { makePlan(shop) }
        let progress = Self.progress(in: shop)
        var result: [Assignment] = []
        var taken: Set<Int64> = []
        for m in shop.freeMachines(at: station) {
            while next[m] < plan[m].count, Self.isDone(plan[m][next[m]], progress: progress) { next[m] += 1 }
            if next[m] < plan[m].count {
                let step = plan[m][next[m]]
                if let job = shop.queues[station].first(where: { $0.serial == step.job }),
                   job.operation == step.operation, job.canStart, !taken.contains(job.serial) {
                    result.append(Assignment(job: job.serial, machine: m))
                    taken.insert(job.serial)
                }
                continue   // the next planned job is not here yet: the machine waits for it
            }
            let outside = shop.queues[station].filter { !planned.contains($0.serial) && !taken.contains($0.serial) }
            if let job = DispatchRuleScheduler.choose(settings.fallback ?? shop.layout.stations[station].dispatchRule,
                                                     among: outside, now: shop.now) {
                result.append(Assignment(job: job.serial, machine: m))
                taken.insert(job.serial)
            }
        }
        return result
    }

    public func metrics() -> [ControllerMetric] {
        [
            ControllerMetric("plan_makespan", "Makespan of the plan (from planning)", unit: "min",
                             value: planMakespan / 60),
            ControllerMetric("plan_lower_bound", "Lower bound on that makespan", unit: "min", value: planBound / 60),
            ControllerMetric("best_rule_makespan", "Makespan of the best dispatching rule on the same plan data",
                             unit: "min", value: ruleMakespan / 60),
            ControllerMetric("planned_operations", "Operations in the plan", value: Double(plannedOperations)),
            ControllerMetric("iterations", "Search iterations", value: Double(planIterations)),
        ]
    }

    /// Where each visible job stands: its current operation, and whether a machine holds it.
    static func progress(in shop: ShopObservation) -> [Int64: (operation: Int, onMachine: Bool)] {
        var result: [Int64: (operation: Int, onMachine: Bool)] = [:]
        for queue in shop.queues {
            for job in queue { result[job.serial] = (job.operation, false) }
        }
        for machine in shop.machines {
            for job in machine.jobs { result[job.serial] = (job.operation, true) }
        }
        return result
    }

    /// A planned operation is done (or under way) when its job has moved past it, is on a
    /// machine for it, or has left the shop.
    static func isDone(_ step: PlannedStep, progress: [Int64: (operation: Int, onMachine: Bool)]) -> Bool {
        guard let position = progress[step.job] else { return true }
        return position.operation > step.operation || (position.operation == step.operation && position.onMachine)
    }

    /// Builds the job-shop problem of the waiting jobs and optimises it.
    mutating func makePlan(_ shop: ShopObservation) {
        hasPlan = true
        plan = Array(repeating: [], count: shop.machines.count)
        next = Array(repeating: 0, count: shop.machines.count)
        let jobs = shop.queues.joined().sorted { $0.serial < $1.serial }
        guard !jobs.isEmpty else { return }
        let problemJobs = jobs.map { job in
            shop.remainingRoutes(of: job).map { route in
                let operation = shop.layout.operations[route]
                let units = Int((operation.standardTime * Double(job.quantity) / settings.resolution).rounded())
                return SchedulingProblem.Operation(alternatives: operation.stations.flatMap { station in
                    shop.layout.stations[station].machines.map {
                        SchedulingProblem.Alternative(machine: $0, duration: max(0, units))
                    }
                })
            }
        }
        let problem = SchedulingProblem(machineCount: shop.machines.count, jobs: problemJobs)
        let result = ScheduleOptimiser(problem).run(OptimiserOptions(budget: .iterations(settings.iterations),
                                                                     seed: settings.seed, threads: 1,
                                                                     walkers: settings.walkers))
        for operation in result.schedule.operations.sorted(by: { ($0.start, $0.job) < ($1.start, $1.job) }) {
            let job = jobs[operation.job]
            plan[operation.machine].append(PlannedStep(job: job.serial, operation: job.operation + operation.operation))
        }
        planned = Set(jobs.map(\.serial))
        planMakespan = Double(result.makespan) * settings.resolution
        planBound = Double(result.lowerBound.value) * settings.resolution
        ruleMakespan = Double(result.startMakespan) * settings.resolution
        planIterations = result.iterations
        plannedOperations = problem.operationCount
    }
}
