import TaktExperiments
import TaktKernel
import XCTest

/// An M/M/1 queue written on the kernel alone, SimPy style, as a researcher would: arrivals,
/// one server, the mean time in system after warm-up.
struct SingleServer: ExperimentModel, ~Copyable {
    enum Event { case arrival, departure }
    let arrivalMean: Double
    let serviceMean: Double
    var arrivals: Xoshiro256StarStar
    var services: Xoshiro256StarStar
    var waiting: [Double] = []   // arrival times, FIFO
    var inService: Double?       // arrival time of the customer in service
    var timeInSystem = Tally()

    init(arrivalMean: Double, serviceMean: Double, streams: RandomStreams) {
        self.arrivalMean = arrivalMean
        self.serviceMean = serviceMean
        arrivals = streams.stream(entity: "customers", purpose: "arrivals")
        services = streams.stream(entity: "customers", purpose: "service")
    }

    mutating func start(calendar: inout EventCalendar<Event>) {
        calendar.schedule(.arrival, after: Distribution.exponential(mean: arrivalMean).sampleDuration(&arrivals))
    }

    mutating func handle(_ event: Event, calendar: inout EventCalendar<Event>) {
        switch event {
        case .arrival:
            calendar.schedule(.arrival, after: Distribution.exponential(mean: arrivalMean).sampleDuration(&arrivals))
            if inService == nil { serve(calendar.now, calendar: &calendar) } else { waiting.append(calendar.now) }
        case .departure:
            if let arrived = inService { timeInSystem.record(calendar.now - arrived) }
            inService = nil
            if !waiting.isEmpty { serve(waiting.removeFirst(), calendar: &calendar) }
        }
    }

    mutating func serve(_ arrived: Double, calendar: inout EventCalendar<Event>) {
        inService = arrived
        calendar.schedule(.departure, after: Distribution.exponential(mean: serviceMean).sampleDuration(&services))
    }

    mutating func resetStatistics(at time: SimTime) { timeInSystem = Tally() }

    func kpis() -> [KPI] { [KPI("time_in_system", "Mean time in system", unit: "s", value: timeInSystem.mean)] }
}

/// The experiment layer is open to any model: replications and paired comparisons of a model
/// written outside Takt's scenarios, checked against queueing theory.
final class CustomModelTests: XCTestCase {
    let limits = RunLimits(endTime: 200_000, warmUp: 20_000)

    func replications(threads: Int, serviceMean: Double = 1) -> Replications<SingleServer> {
        Replications(name: "M/M/1", replications: 20, seed: 3, limits: limits, level: 0.99,
                     threads: threads) { streams, _ in
            SingleServer(arrivalMean: 1.25, serviceMean: serviceMean, streams: streams)
        }
    }

    /// M/M/1 with ρ = 0.8: mean time in system 1/(μ − λ) = 5 s. The 99% interval over 20
    /// replications covers it (a 1% chance of a false failure, fixed seed).
    func testReplicationsMatchTheory() throws {
        let result = try replications(threads: 2).run()
        let interval = try XCTUnwrap(result.summaries.first { $0.name == "time_in_system" }?.interval)
        XCTAssertEqual(result.results.count, 20)
        XCTAssertLessThan(abs(interval.mean - 5), interval.halfWidth, "\(interval)")
        XCTAssertLessThan(interval.halfWidth, 0.5, "20 long replications pin the mean down")
    }

    /// Results are stored by replication: the same with one thread or two.
    func testResultsDoNotDependOnThreads() throws {
        let one = try replications(threads: 1).run().results.map { $0.kpis }
        let two = try replications(threads: 2).run().results.map { $0.kpis }
        XCTAssertEqual(one, two)
    }

    /// A faster server (mean 0.9 s, so 1/(1/0.9 − 0.8) = 3.214 s) against the base (5 s):
    /// the paired interval covers the exact difference −1.786 s, and common random numbers make
    /// it narrower than the unpaired intervals of the two sides.
    func testPairedComparisonUnderCommonRandomNumbers() throws {
        let rows = try PairedComparison<SingleServer>(
            replications: 20, seed: 3, limits: limits, level: 0.99, threads: 2,
            a: ("base", { streams, _ in SingleServer(arrivalMean: 1.25, serviceMean: 1, streams: streams) }),
            b: ("faster", { streams, _ in SingleServer(arrivalMean: 1.25, serviceMean: 0.9, streams: streams) })).run()
        let row = try XCTUnwrap(rows.first { $0.kpi == "time_in_system" })
        let exact = 1 / (1 / 0.9 - 0.8) - 5
        XCTAssertLessThan(abs(row.difference - exact), row.differenceHalfWidth,
                          "\(row.difference) ± \(row.differenceHalfWidth)")
        XCTAssertTrue(row.significant)
        XCTAssertLessThan(row.differenceHalfWidth, max(row.halfWidthA, row.halfWidthB),
                          "pairing under common random numbers narrows the interval")
    }
}
