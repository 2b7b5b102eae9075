/// What `ScheduleOptimiser.run` found.
public struct OptimiserResult: Sendable {
    /// The best schedule (semi-active: every operation starts as early as its machine order allows).
    public var schedule: Schedule
    /// Its makespan.
    public var makespan: Int
    /// The lower bound it is measured against (`LowerBound`).
    public var lowerBound: LowerBound
    /// The dispatching rule of the starting schedule, and that schedule's makespan.
    public var startRule: DispatchingRule
    public var startMakespan: Int
    /// Tabu iterations done, over all walkers.
    public var iterations: Int
    /// Wall-clock seconds of the search (construction included).
    public var seconds: Double
    /// Seconds into the search when the reported makespan was first reached by any walker
    /// (0 when it is the starting schedule's). Like `seconds`, it varies from run to run.
    public var bestSeconds: Double
    /// Walkers run, and the one whose schedule is reported (the lowest index among the best).
    public var walkers: Int
    public var winningWalker: Int
    /// True when a stop request ended the search before its budget.
    public var interrupted: Bool

    /// (makespan − bound) / bound, in percent (0 when the bound is 0).
    public var gapPercent: Double {
        lowerBound.value > 0 ? 100 * Double(makespan - lowerBound.value) / Double(lowerBound.value) : 0
    }
}
