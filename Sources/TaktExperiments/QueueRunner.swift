import Foundation
import TaktKernel
import TaktQueueing
import TaktScenario

/// Runs one replication of a queue scenario and turns its statistics into KPIs.
enum QueueRunner {
    /// The most events per slice between progress reports (`SliceBudget` sizes them by time).
    static let slice = 250_000

    static func run(_ configuration: MultiServerQueue.Configuration, streams: RandomStreams, settings: RunSettings,
                    replication: Int, shouldStop: @Sendable () -> Bool = { false },
                    progress: (_ fraction: Double, _ events: Int, _ simulated: Double) -> Void) throws
                        -> ReplicationResult {
        let started = Date()
        let limits = RunLimits(endTime: settings.endTime, warmUp: settings.warmUp, maxEvents: settings.maxEvents)
        var simulation = Simulation(model: MultiServerQueue(configuration, streams: streams), limits: limits)
        let expectedEvents = Double(2 * configuration.customers)
        var interrupted = false
        var budget = SliceBudget(largest: slice)
        var reason: StopReason
        while true {
            reason = simulation.run(maxEvents: budget.events)
            guard reason == .eventLimit else { break }
            budget.update()
            if shouldStop() { interrupted = true; break }
            progress(min(1, Double(simulation.eventsProcessed) / expectedEvents), simulation.eventsProcessed,
                     simulation.now)
        }
        try RunFailure.checkLimits(reason: reason, now: simulation.now, settings: settings, replication: replication)
        simulation.finish()
        progress(1, simulation.eventsProcessed, simulation.now)
        let model = simulation.model
        let now = simulation.now
        let span = now - model.busy.start
        let theory = exactResults(configuration)
        let minutes = 1.0 / 60
        let kpis = [
            KPI("wait_in_queue_mean", "Mean wait in queue", unit: "min",
                value: model.waitsInQueue.overall.mean * minutes, theory: theory.map { $0.meanWaitInQueue * minutes }),
            KPI("time_in_system_mean", "Mean time in system", unit: "min",
                value: model.timesInSystem.mean * minutes, theory: theory.map { $0.meanTimeInSystem * minutes }),
            KPI("queue_length_mean", "Mean number waiting", unit: "",
                value: model.queueLength.mean(at: now), theory: theory.map(\.meanQueueLength)),
            KPI("utilisation", "Server utilisation", unit: "%",
                value: 100 * model.busy.mean(at: now) / Double(configuration.servers),
                theory: theory.map { 100 * $0.utilisation }),
            KPI("throughput", "Throughput", unit: "1/h",
                value: span > 0 ? Double(model.departedSinceReset) / span * 3600 : 0,
                theory: theory.map { $0.arrivalRate * 3600 }),
            KPI("customers_served", "Customers served", unit: "", value: Double(model.departedSinceReset)),
        ]
        return ReplicationResult(replication: replication, seed: streams.seed, kpis: kpis,
                                 events: simulation.eventsProcessed, simulatedSeconds: now,
                                 wallSeconds: Date().timeIntervalSince(started), interrupted: interrupted)
    }

    /// Erlang C values when both laws are exponential and the queue is stable.
    static func exactResults(_ configuration: MultiServerQueue.Configuration) -> ErlangC? {
        guard case .exponential(let interarrival) = configuration.interarrival,
              case .exponential(let service) = configuration.service,
              1 / interarrival < Double(configuration.servers) / service else { return nil }
        return ErlangC(arrivalRate: 1 / interarrival, serviceRate: 1 / service, servers: configuration.servers)
    }
}
