import Foundation
import TaktKernel

/// Runs one replication of any `ExperimentModel`: events in slices sized to about a tenth of a
/// second, with progress and stop requests checked between slices, rows handed to the recorder,
/// and the run's failure modes (no progress, an impossible time, the event limit, a run that
/// ended before its warm-up did) turned into a `RunFailure`. The one replication loop of the
/// experiment layer: `Experiment`, `Comparison`, sweeps and `Replications` all run through it.
public enum ReplicationRunner {
    /// Runs `model` under `limits` and returns its result; `inspect` sees the finished model
    /// (for what a caller keeps besides the KPIs, such as a Gantt record).
    ///
    /// - Parameters:
    ///   - largestSlice: the most events between two checks (fewer when events are slow).
    ///   - shouldStop: checked between slices; true ends the run early, marked interrupted.
    ///   - progress: (fraction done, events so far, simulated time), between slices and at the end.
    /// - Throws: `RunFailure` when the run has no valid results; the recorder's errors.
    public static func run<Model: ExperimentModel & ~Copyable>(
        _ model: consuming Model, limits: RunLimits, replication: Int, seed: UInt64, largestSlice: Int = 250_000,
        recorder: (any ExperimentRecorder)? = nil, shouldStop: () -> Bool = { false },
        progress: (_ fraction: Double, _ events: Int, _ simulated: Double) -> Void = { _, _, _ in },
        inspect: (borrowing Model) -> Void = { _ in }) throws -> ReplicationResult {
        let started = Date()
        var simulation = Simulation(model: model, limits: limits)
        var interrupted = false
        var budget = SliceBudget(largest: largestSlice)
        var reason: StopReason
        let horizon = limits.endTime.isFinite ? limits.endTime : nil
        while true {
            reason = simulation.run(maxEvents: budget.events)
            guard reason == .eventLimit else { break }
            budget.update()
            let fraction = simulation.model.progress(now: simulation.now) ?? horizon.map { simulation.now / $0 } ?? 0
            progress(min(1, fraction), simulation.eventsProcessed, simulation.now)
            if let recorder { try simulation.model.handOverRecords(to: recorder, replication: replication) }
            if shouldStop() { interrupted = true; break }
        }
        try RunFailure.check(&simulation, reason: reason, replication: replication, interrupted: interrupted)
        simulation.finish()
        if let recorder { try simulation.model.handOverRecords(to: recorder, replication: replication) }
        progress(1, simulation.eventsProcessed, simulation.now)
        inspect(simulation.model)
        return ReplicationResult(replication: replication, seed: seed, kpis: simulation.model.kpis(),
                                 events: simulation.eventsProcessed, simulatedSeconds: simulation.now,
                                 wallSeconds: Date().timeIntervalSince(started), interrupted: interrupted)
    }
}
