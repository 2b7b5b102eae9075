import TaktFactory
import TaktKernel
import TaktScenario

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
    static func check(_ simulation: inout Simulation<FactoryModel>, reason: StopReason, settings: RunSettings,
                      replication: Int, interrupted: Bool) throws {
        let at = "replication \(replication), at t = \(Self.time(simulation.now))"
        if let failure = simulation.model.failure { throw RunFailure(message: "\(at): \(failure)") }
        switch reason {
        case .noProgress:
            let event = simulation.nextEvent().map { simulation.model.describe($0) } ?? "no pending event"
            throw RunFailure(message: "\(at): simulated time stopped advancing — "
                                 + "\(simulation.limits.maxEventsAtOneInstant) "
                + "events in a row at one instant, the next being the \(event). A loop at zero time (e.g. rework back "
                + "to the same operation with a time of 0 s) or time steps below the clock's resolution; give the "
                + "operation a positive time or change the loop")
        case .fault:
            guard let fault = simulation.calendar.fault else { break }
            throw RunFailure(message: "\(at): the \(simulation.model.describe(fault.payload)) would happen at t = "
                + "\(fault.requestedTime), which is not a finite time after now: a sampled time or an "
                + "effect overflowed. "
                + "Check the laws and effects of that station (docs/limits.md)")
        default:
            try checkLimits(reason: reason, now: simulation.now, settings: settings, replication: replication)
        }
        if !interrupted && settings.warmUp > 0 && !simulation.warmUpDone {
            let why = reason == .modelRequested ? "every order done or its target reached" : "no events left"
            throw RunFailure(message: "\(at): the run ended (\(why)) before its warm-up of "
                                 + "\(Self.time(settings.warmUp)) "
                + "ended, so its KPI window never opened; shorten run.warm_up or give the run more work")
        }
    }

    /// Throws for the stop reasons that mean any model (a queue, a factory) has no valid
    /// results: the event limit, a clock standing still, an impossible event time.
    static func checkLimits(reason: StopReason, now: Double, settings: RunSettings, replication: Int) throws {
        let at = "replication \(replication), at t = \(Self.time(now))"
        switch reason {
        case .maxEvents:
            throw RunFailure(message: "\(at): reached the limit of \(settings.maxEvents) events per run before the end "
                + "of the run; shorten run.duration, or raise run.max_events (or --max-events) if the run is meant "
                + "to be this long")
        case .noProgress:
            throw RunFailure(message: "\(at): simulated time stopped advancing (time steps below the "
                                 + "clock's resolution)")
        case .fault:
            throw RunFailure(message: "\(at): an event would happen at a time that is not finite and after now; "
                + "check the model's laws (docs/limits.md)")
        default:
            break
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
