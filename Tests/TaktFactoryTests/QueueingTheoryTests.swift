import TaktFactory
import TaktKernel
import TaktQueueing
import XCTest

/// The factory model against exact queueing results (shared/reference/queueing/CASES.md):
/// each check is a 99% Student-t interval over independent replications that must contain the
/// exact value. Run lengths are sized so the intervals are a few percent wide.
final class QueueingTheoryTests: XCTestCase {
    func assertCovers(_ values: [Double], _ exact: Double, _ what: String, maxRelativeWidth: Double = 0.08,
                      file: StaticString = #filePath, line: UInt = #line) {
        let interval = ConfidenceInterval(values, level: 0.99)
        XCTAssertTrue(interval.contains(exact), "\(what): \(interval) does not contain \(exact)", file: file,
                      line: line)
        XCTAssertLessThan(interval.halfWidth, maxRelativeWidth * abs(exact), "\(what): interval too wide: \(interval)",
                          file: file, line: line)
    }

    /// One station of 5 machines (the M/M/5 benchmark queue, ρ = 0.9): mean time in system
    /// W = Wq + 1/μ from Erlang C.
    func testMMcStation() {
        let configuration = Factories.line(arrivalRate: 4.5, rates: [1], servers: [5])
        let reports = Factories.replicate(configuration, replications: 10,
                                          limits: RunLimits(endTime: 60_000, warmUp: 5_000))
        let exact = ErlangC(arrivalRate: 4.5, serviceRate: 1, servers: 5)
        assertCovers(reports.map(\.flowTimeMean), exact.meanTimeInSystem, "W")
        assertCovers(reports.map { $0.stations[0].queueLengthMean }, exact.meanQueueLength, "Lq", maxRelativeWidth: 0.1)
        assertCovers(reports.map { $0.stations[0].utilisation }, 0.9, "utilisation", maxRelativeWidth: 0.01)
    }

    /// Tandem Jackson line (CASES.md §6a): st1 M/M/1 μ=2, st2 M/M/2 μ=0.75, st3 M/M/1 μ=1.25,
    /// γ = 1; each station's Lq and the network's W = 7.4.
    func testTandemJacksonLine() {
        let configuration = Factories.line(arrivalRate: 1, rates: [2, 0.75, 1.25], servers: [1, 2, 1])
        let reports = Factories.replicate(configuration, replications: 10,
                                          limits: RunLimits(endTime: 200_000, warmUp: 10_000))
        assertCovers(reports.map { $0.stations[0].queueLengthMean }, 0.5, "Lq st1")
        assertCovers(reports.map { $0.stations[1].queueLengthMean }, 16.0 / 15, "Lq st2")
        assertCovers(reports.map { $0.stations[2].queueLengthMean }, 3.2, "Lq st3", maxRelativeWidth: 0.1)
        assertCovers(reports.map(\.flowTimeMean), 7.4, "W network")
        assertCovers(reports.map(\.wipMean), 7.4, "L network")
    }

    /// Rework loop (CASES.md §6b): st1 μ=2, st2 μ=2, then with probability 0.2 back to st2;
    /// sojourn W = 8/3, and 1.25 visits to st2 per job (0.25 reworks per job).
    func testReworkLoop() {
        let configuration = Factories.line(arrivalRate: 1, rates: [2, 2], servers: [1, 1],
                                           rework: Rework(probability: 0.2, toOperation: 1), reworkAt: 1)
        let reports = Factories.replicate(configuration, replications: 10,
                                          limits: RunLimits(endTime: 200_000, warmUp: 10_000))
        assertCovers(reports.map(\.flowTimeMean), 8.0 / 3, "W")
        assertCovers(reports.map { Double($0.reworks) / Double($0.finishedJobs) }, 0.25, "reworks per job")
    }

    /// M/M/1/K with λ = 0.8, μ = 1, K = 5 (4 waiting + 1 in service), arrivals to a full system
    /// lost (CASES.md §5): blocking probability 0.088820, throughput 0.728944.
    func testFiniteBufferMM1K() {
        let configuration = Factories.line(arrivalRate: 0.8, rates: [1], servers: [1], buffers: [4], whenFull: .reject)
        let reports = Factories.replicate(configuration, replications: 10,
                                          limits: RunLimits(endTime: 200_000, warmUp: 5_000))
        let blocking = reports.map { Double($0.lostOrders) / Double($0.lostOrders + $0.finishedJobs) }
        assertCovers(blocking, 1024.0 / 11529, "P(block)")
        assertCovers(reports.map(\.throughput), 0.728944, "throughput", maxRelativeWidth: 0.01)
        assertCovers(reports.map(\.wipMean), 7180.0 / 3843, "L")
    }

    /// Machine-repairman model (CASES.md §7, row 1): 5 machines failing at rate 0.1 while up,
    /// one repair crew at rate 1, exponential times: availability 0.872096, crew busy 0.436048.
    func testMachineRepairman() {
        var station = StationSpec(name: "press", machines: 5)
        station.breakdowns = BreakdownSpec(timeToFailure: .exponential(mean: 10), basis: .calendarTime,
                                           repairTime: .exponential(mean: 1), crew: 0)
        let configuration = FactoryConfiguration(
            stations: [station],
            products: [ProductSpec(name: "part", routing: [OperationSpec(name: "press", stations: [0],
                                                                         processTime: .constant(1))])],
            orderSources: [OrderSourceSpec(name: "none", arrivals: .renewal(interarrival: .constant(1), count: 0,
                                                                            until: nil),
                                           mix: [(product: 0, weight: 1)])],
            repairCrews: [RepairCrewSpec(name: "crew", size: 1)])
        let reports = Factories.replicate(configuration, replications: 10,
                                          limits: RunLimits(endTime: 100_000, warmUp: 1_000))
        assertCovers(reports.map { 1 - $0.stations[0].stateShares[MachineState.down.rawValue] }, 3866.0 / 4433,
                     "availability", maxRelativeWidth: 0.01)
        assertCovers(reports.map { $0.crews[0].repairShare }, 0.436048, "crew busy", maxRelativeWidth: 0.03)
    }

    /// M/G/1 by the Pollaczek–Khinchine formula (CASES.md §3–4), λ = 0.8, E[S] = 1: deterministic
    /// service (W = 3), uniform(0.5, 1.5) (W = 19/6) and Erlang-2 (W = 4) — the distributions as
    /// the factory draws them, not only exponentials.
    func testPollaczekKhinchine() {
        let cases: [(Distribution, Double, String)] = [
            (.constant(1), 3, "M/D/1"), (.uniform(min: 0.5, max: 1.5), 19.0 / 6, "M/U/1"),
            (.erlang(phases: 2, mean: 1), 4, "M/E2/1"),
        ]
        for (service, exactW, label) in cases {
            var configuration = Factories.line(arrivalRate: 0.8, rates: [1], servers: [1])
            configuration.products[0].routing[0].processTime = service
            let reports = Factories.replicate(configuration, replications: 10,
                                              limits: RunLimits(endTime: 200_000, warmUp: 5_000))
            assertCovers(reports.map(\.flowTimeMean), exactW, "\(label) W")
        }
    }
}
