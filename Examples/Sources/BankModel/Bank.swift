import TaktExperiments
import TaktKernel

/// A bank: customers arrive at random, wait in one line and are served by the first free teller.
///
/// Written on Takt's kernel alone, as a SimPy user would write it: the events are an enum, the
/// state a struct, and each random quantity has its own named stream, so two variants (three
/// tellers, four tellers) see the same customers with the same service needs — common random
/// numbers. It is `~Copyable`, like every large model should be: no call can copy it by accident.
public struct Bank: ExperimentModel, ~Copyable {
    public enum Event { case arrival, departure(teller: Int) }

    let tellers: Int
    let arrivalMean: Double
    let serviceMean: Double
    var arrivals: Xoshiro256StarStar
    var services: Xoshiro256StarStar
    /// Arrival times of the customers waiting, first in line first.
    var line = RingBuffer<Double>()
    var busy: [Bool]
    var wait = Tally()
    var served = 0

    /// - Parameters: arrival and service means in seconds.
    public init(tellers: Int, arrivalMean: Double, serviceMean: Double, streams: RandomStreams) {
        self.tellers = tellers
        self.arrivalMean = arrivalMean
        self.serviceMean = serviceMean
        arrivals = streams.stream(entity: "customers", purpose: "arrivals")
        services = streams.stream(entity: "customers", purpose: "service")
        busy = Array(repeating: false, count: tellers)
    }

    public mutating func start(calendar: inout EventCalendar<Event>) {
        calendar.schedule(.arrival, after: Distribution.exponential(mean: arrivalMean).sampleDuration(&arrivals))
    }

    public mutating func handle(_ event: Event, calendar: inout EventCalendar<Event>) {
        switch event {
        case .arrival:
            calendar.schedule(.arrival, after: Distribution.exponential(mean: arrivalMean).sampleDuration(&arrivals))
            if let teller = busy.firstIndex(of: false) {
                serve(arrivedAt: calendar.now, by: teller, calendar: &calendar)
            } else {
                line.append(calendar.now)
            }
        case .departure(let teller):
            busy[teller] = false
            served += 1
            if let next = line.popFirst() { serve(arrivedAt: next, by: teller, calendar: &calendar) }
        }
    }

    mutating func serve(arrivedAt: Double, by teller: Int, calendar: inout EventCalendar<Event>) {
        busy[teller] = true
        wait.record(calendar.now - arrivedAt)
        calendar.schedule(.departure(teller: teller),
                          after: Distribution.exponential(mean: serviceMean).sampleDuration(&services))
    }

    /// The warm-up ends: what was measured so far is discarded.
    public mutating func resetStatistics(at time: SimTime) {
        wait = Tally()
        served = 0
    }

    public func kpis() -> [KPI] {
        [KPI("wait_mean", "Mean wait in line", unit: "min", value: wait.mean / 60),
         KPI("served", "Customers served", unit: "", value: Double(served))]
    }
}
