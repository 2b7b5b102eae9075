import TaktFactory

/// A scheduling policy as a scenario names it (`controllers: {scheduling: {policy: …}}`): a
/// dispatching rule at every station, or the optimiser's plan. Rules and the optimiser run
/// through the same seam (`SchedulingController`), so `compare` and sweeps treat them alike.
public enum SchedulingPolicy: Sendable, Equatable {
    /// One dispatching rule at every station (batch stations keep their batching).
    case rule(DispatchRule)
    /// Each station's own rule (its `dispatch:`): what the plant does without a scheduler.
    case stationRules
    /// Plan with the job-shop optimiser, then dispatch by the plan (`OptimisedSchedule`).
    case optimiser(OptimisedSchedule.Settings)

    /// The policy's name in reports.
    public var name: String {
        switch self {
        case .rule(let rule): return rule.name
        case .stationRules: return "station-rules"
        case .optimiser: return "optimiser"
        }
    }

    /// A fresh controller for one replication.
    public func controller() -> any SchedulingController {
        switch self {
        case .rule(let rule): return DispatchRuleScheduler(rule: rule)
        case .stationRules: return DispatchRuleScheduler()
        case .optimiser(let settings): return OptimisedSchedule(settings)
        }
    }
}
