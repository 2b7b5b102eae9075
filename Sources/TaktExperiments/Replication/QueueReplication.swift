import TaktKernel
import TaktQueueing

/// The reference M/M/c (G/G/c) queue as the experiment layer runs it: its KPIs beside their
/// exact values where theory gives them (Erlang C).
public struct QueueReplication: ExperimentModel, ~Copyable {
    public typealias Event = MultiServerQueue.Event

    public var model: MultiServerQueue
    /// The time the run ended (its KPIs are integrated up to it).
    var end: SimTime = 0

    public init(_ model: consuming MultiServerQueue) { self.model = model }

    @inline(__always)
    public mutating func start(calendar: inout EventCalendar<Event>) { model.start(calendar: &calendar) }

    @inline(__always)
    public mutating func handle(_ event: Event, calendar: inout EventCalendar<Event>) {
        model.handle(event, calendar: &calendar)
    }

    public mutating func resetStatistics(at time: SimTime) { model.resetStatistics(at: time) }

    public mutating func finish(at time: SimTime) {
        end = time
        model.finish(at: time)
    }

    public func progress(now: SimTime) -> Double? {
        Double(model.departed) / Double(max(1, model.configuration.customers))
    }

    public func kpis() -> [KPI] {
        let configuration = model.configuration
        let span = end - model.busy.start
        let theory = QueueRunner.exactResults(configuration)
        let minutes = 1.0 / 60
        return [
            KPI("wait_in_queue_mean", "Mean wait in queue", unit: "min",
                value: model.waitsInQueue.overall.mean * minutes, theory: theory.map { $0.meanWaitInQueue * minutes }),
            KPI("time_in_system_mean", "Mean time in system", unit: "min",
                value: model.timesInSystem.mean * minutes, theory: theory.map { $0.meanTimeInSystem * minutes }),
            KPI("queue_length_mean", "Mean number waiting", unit: "",
                value: model.queueLength.mean(at: end), theory: theory.map(\.meanQueueLength)),
            KPI("utilisation", "Server utilisation", unit: "%",
                value: 100 * model.busy.mean(at: end) / Double(configuration.servers),
                theory: theory.map { 100 * $0.utilisation }),
            KPI("throughput", "Throughput", unit: "1/h",
                value: span > 0 ? Double(model.departedSinceReset) / span * 3600 : 0,
                theory: theory.map { $0.arrivalRate * 3600 }),
            KPI("customers_served", "Customers served", unit: "", value: Double(model.departedSinceReset)),
        ]
    }
}
