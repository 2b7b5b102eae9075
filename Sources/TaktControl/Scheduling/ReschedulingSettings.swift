import TaktFactory
import TaktScheduling

/// How `RollingReschedule` plans and when it plans again.
public struct ReschedulingSettings: Sendable, Equatable {
    /// What the plans minimise.
    public var objective: ScheduleObjective
    /// What starts a new plan.
    public var triggers: Set<ReschedulingTrigger>
    /// Seconds between plans for the `interval` trigger.
    public var interval: Double
    /// Seconds off plan that fire the `deviation` trigger.
    public var deviation: Double
    /// Seconds ahead in which planned starts are frozen: a job the last plan starts within
    /// `frozenHorizon` keeps its machine and its place at the head of that machine's work.
    public var frozenHorizon: Double
    /// At most this many plans in any hour of simulated time (nil: no limit); a trigger beyond
    /// it waits until the limit allows.
    public var maxReplansPerHour: Int?
    /// Search moves per plan (the budget: plans do not depend on the machine's speed).
    public var iterations: Int
    /// Independent search chains sharing the moves.
    public var walkers: Int
    /// Seed of the search.
    public var seed: UInt64
    /// Time unit of the plans (seconds): standard times are rounded to whole units.
    public var resolution: Double
    /// Expected repair time of a machine that is down, before any repair has been observed
    /// (seconds; afterwards the mean of the observed repairs is used, as a plant would).
    public var repairEstimate: Double
    /// Rule for jobs the plan does not know (nil: each station's own rule).
    public var fallback: DispatchRule?

    /// Settings with the documented defaults.
    /// - Parameters:
    ///   - objective: What the plans minimise.
    ///   - triggers: What starts a new plan.
    ///   - interval: Seconds between plans for the `interval` trigger.
    ///   - deviation: Seconds off plan that fire the `deviation` trigger.
    ///   - frozenHorizon: Seconds ahead in which planned starts are frozen.
    ///   - maxReplansPerHour: Limit on plans per simulated hour, or nil.
    ///   - iterations: Search moves per plan.
    ///   - walkers: Search chains.
    ///   - seed: Seed of the search.
    ///   - resolution: Time unit of the plans (seconds).
    ///   - repairEstimate: Expected repair before any repair is observed (seconds).
    ///   - fallback: Rule for jobs outside the plan, or nil for each station's own.
    public init(objective: ScheduleObjective = .totalTardiness,
                triggers: Set<ReschedulingTrigger> = [.arrival, .breakdown, .repair],
                interval: Double = 3600, deviation: Double = 600, frozenHorizon: Double = 0,
                maxReplansPerHour: Int? = nil, iterations: Int = 2_000, walkers: Int = 1, seed: UInt64 = 1,
                resolution: Double = 1, repairEstimate: Double = 0, fallback: DispatchRule? = nil) {
        precondition(interval > 0 && deviation >= 0 && frozenHorizon >= 0 && resolution > 0 && repairEstimate >= 0,
                     "invalid rescheduling settings")
        precondition(iterations >= 0 && walkers >= 1 && (maxReplansPerHour ?? 1) >= 1, "invalid rescheduling budget")
        self.objective = objective
        self.triggers = triggers
        self.interval = interval
        self.deviation = deviation
        self.frozenHorizon = frozenHorizon
        self.maxReplansPerHour = maxReplansPerHour
        self.iterations = iterations
        self.walkers = walkers
        self.seed = seed
        self.resolution = resolution
        self.repairEstimate = repairEstimate
        self.fallback = fallback
    }
}
