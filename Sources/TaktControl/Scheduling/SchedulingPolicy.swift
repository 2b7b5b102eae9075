import TaktFactory

/// A scheduling policy as a scenario names it (`controllers: {scheduling: {policy: …}}`): a
/// dispatching rule at every station, the optimiser's plan, rescheduling, or a learned dispatcher.
/// Rules and the optimiser run
/// through the same seam (`SchedulingController`), so `compare` and sweeps treat them alike.
public enum SchedulingPolicy: Sendable, Equatable {
    /// One dispatching rule at every station (batch stations keep their batching).
    case rule(DispatchRule)
    /// Each station's own rule (its `dispatch:`): what the plant does without a scheduler.
    case stationRules
    /// Plan with the job-shop optimiser, then dispatch by the plan (`OptimisedSchedule`).
    case optimiser(OptimisedSchedule.Settings)
    /// Replan with the optimiser at triggers and dispatch by the plan (`RollingReschedule`).
    case rescheduling(ReschedulingSettings)
    /// A priority score learned in simulation (`LearnedDispatch`).
    case learnedDispatch(LearnedDispatch.Weights)

    /// The policy's name in reports.
    public var name: String {
        switch self {
        case .rule(let rule): return rule.name
        case .stationRules: return "station-rules"
        case .optimiser: return "optimiser"
        case .rescheduling: return "rescheduling"
        case .learnedDispatch: return "learned_dispatch"
        }
    }

    /// A fresh controller for one replication.
    public func controller() -> any SchedulingController {
        switch self {
        case .rule(let rule): return DispatchRuleScheduler(rule: rule)
        case .stationRules: return DispatchRuleScheduler()
        case .optimiser(let settings): return OptimisedSchedule(settings)
        case .rescheduling(let settings): return RollingReschedule(settings)
        case .learnedDispatch(let weights): return LearnedDispatch(weights)
        }
    }
}
