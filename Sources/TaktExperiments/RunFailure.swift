import TaktKernel

/// A replication that could not give results: its model stopped making progress, computed an
/// impossible time, ran past the event limit, or ended before its KPI window opened.
///
/// The message names the replication, the simulated time and, where the model can say, the
/// station, machine, operation and product involved, so a planner can find the line of the
/// scenario to change.
public struct RunFailure: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }

    /// Throws when the stop `reason` (or a run that never reached its warm-up's end) means the
    /// replication has no valid results.
    static func check<Model: ExperimentModel & ~Copyable>(_ simulation: inout Simulation<Model>, reason: StopReason,
                                                          replication: Int, interrupted: Bool) throws {
        let at = "replication \(replication), at t = \(Self.time(simulation.now))"
        let limits = simulation.limits
        if let failure = simulation.model.runFailure { throw RunFailure(message: "\(at): \(failure)") }
        switch reason {
        case .noProgress:
            let event = simulation.nextEvent().map { simulation.model.describe($0) } ?? "no pending event"
            throw RunFailure(message: "\(at): simulated time stopped advancing — \(limits.maxEventsAtOneInstant) "
                + "events in a row at one instant, the next being the \(event). \(simulation.model.noProgressAdvice)")
        case .fault:
            guard let fault = simulation.calendar.fault else { break }
            throw RunFailure(message: "\(at): the \(simulation.model.describe(fault.payload)) would happen at t = "
                + "\(fault.requestedTime), which is not a finite time after now: a sampled time or an effect "
                    + "overflowed. "
                + simulation.model.faultAdvice)
        case .maxEvents:
            throw RunFailure(message: "\(at): reached the limit of \(limits.maxEvents) events per run before the end "
                + "of the run; shorten run.duration, or raise run.max_events (or --max-events) if the run is meant to "
                    + "be this long")
        default:
            break
        }
        if !interrupted && limits.warmUp > 0 && !simulation.warmUpDone {
            let why = reason == .modelRequested ? "every order done or its target reached" : "no events left"
            throw RunFailure(message: "\(at): the run ended (\(why)) before its warm-up of \(Self.time(limits.warmUp)) "
                + "ended, so its KPI window never opened; shorten run.warm_up or give the run more work")
        }
    }

    /// A time in seconds with a readable unit beside it.
    static func time(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "\(seconds)" }
        if seconds >= 86_400 { return "\(seconds) s (\((seconds / 86_400 * 1000).rounded() / 1000) d)" }
        if seconds >= 3600 { return "\(seconds) s (\((seconds / 3600 * 1000).rounded() / 1000) h)" }
        return "\(seconds) s"
    }
}
