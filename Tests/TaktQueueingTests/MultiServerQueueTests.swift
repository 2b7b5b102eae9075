import TaktKernel
import TaktQueueing
import XCTest

final class MultiServerQueueTests: XCTestCase {
    /// Runs the queue and hashes the full event trace (time bits and kind of every event).
    func traceHash(seed: UInt64, customers: Int = 20_000) -> UInt64 {
        let configuration = MultiServerQueue.Configuration.markovian(
            arrivalRate: 4.5, serviceRate: 1, servers: 5, customers: customers)
        var simulation = Simulation(model: MultiServerQueue(configuration, streams: RandomStreams(seed: seed)))
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        while let event = simulation.calendar.popNext() {
            hash = (hash ^ event.time.bitPattern) &* 0x100_0000_01B3
            hash = (hash ^ (event.payload == .arrival ? 1 : 2)) &* 0x100_0000_01B3
            simulation.model.handle(event.payload, calendar: &simulation.calendar)
        }
        return hash
    }

    /// Same seed, same trace, bit for bit; another seed, another trace.
    func testDeterminism() {
        XCTAssertEqual(traceHash(seed: 42), traceHash(seed: 42))
        XCTAssertNotEqual(traceHash(seed: 42), traceHash(seed: 43))
    }

    /// Every customer arrives and departs: 2 events per customer, and all leave.
    func testFlowConservation() {
        let configuration = MultiServerQueue.Configuration.markovian(
            arrivalRate: 2, serviceRate: 1, servers: 3, customers: 5_000)
        var simulation = Simulation(model: MultiServerQueue(configuration, streams: RandomStreams(seed: 1)))
        XCTAssertEqual(simulation.run(), .calendarEmpty)
        XCTAssertEqual(simulation.eventsProcessed, 10_000)
        XCTAssertEqual(simulation.model.departed, 5_000)
    }

    /// Erlang C itself against the exact values of shared/reference/queueing/CASES.md §2.
    func testErlangCFormula() {
        XCTAssertEqual(ErlangC(arrivalRate: 1.5, serviceRate: 1, servers: 2).meanWaitInQueue, 9.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(ErlangC(arrivalRate: 2.4, serviceRate: 1, servers: 3).probabilityOfWaiting, 288.0 / 445,
                       accuracy: 1e-12)
        XCTAssertEqual(ErlangC(arrivalRate: 4, serviceRate: 1, servers: 5).meanWaitInQueue, 128.0 / 231,
                       accuracy: 1e-12)
        XCTAssertEqual(ErlangC(arrivalRate: 4.5, serviceRate: 1, servers: 5).meanWaitInQueue, 1.52499, accuracy: 1e-5)
        XCTAssertEqual(ErlangC(arrivalRate: 4.5, serviceRate: 0.5, servers: 10).meanWaitInQueue, 1.337463,
                       accuracy: 1e-6)
    }

    /// Simulated mean wait in queue of M/M/c against Erlang C: a 99% Student-t interval over
    /// independent replications (each with a warm-up of 20,000 customers discarded) must contain
    /// the exact value. Sized for CI: 10 × 300,000 customers at ρ = 0.9 and 10 × 100,000 at ρ = 0.8.
    func testMeanWaitMatchesErlangC() {
        let cases: [(lambda: Double, mu: Double, c: Int, customers: Int)] = [
            (4.5, 1, 5, 300_000),   // the benchmark queue, ρ = 0.9
            (2.4, 1, 3, 100_000),   // CASES.md §2, ρ = 0.8
        ]
        for (lambda, mu, c, customers) in cases {
            let exact = ErlangC(arrivalRate: lambda, serviceRate: mu, servers: c)
            let base = RandomStreams(seed: 2026)
            var replicationMeans: [Double] = []
            var utilisations: [Double] = []
            for replication in 0..<10 {
                let configuration = MultiServerQueue.Configuration.markovian(
                    arrivalRate: lambda, serviceRate: mu, servers: c, customers: customers, warmUpCustomers: 20_000)
                var simulation = Simulation(model: MultiServerQueue(configuration,
                                                                    streams: base.replication(replication)))
                _ = simulation.run()
                simulation.finish()
                replicationMeans.append(simulation.model.waitsInQueue.overall.mean)
                utilisations.append(simulation.model.busy.mean(at: simulation.now) / Double(c))
            }
            let interval = ConfidenceInterval(replicationMeans, level: 0.99)
            XCTAssertTrue(interval.contains(exact.meanWaitInQueue),
                          "M/M/\(c) λ=\(lambda): Wq \(interval) vs exact \(exact.meanWaitInQueue)")
            XCTAssertLessThan(interval.halfWidth / exact.meanWaitInQueue, 0.05, "interval too wide to mean anything")
            let utilisation = ConfidenceInterval(utilisations, level: 0.99)
            XCTAssertTrue(utilisation.contains(exact.utilisation), "utilisation \(utilisation) vs \(exact.utilisation)")
        }
    }

    /// Common random numbers: adding servers changes waits but not the arrival or service draws,
    /// so the total work brought by the customers is identical between the two variants.
    func testCommonRandomNumbersAcrossVariants() {
        func totalWork(servers: Int) -> Double {
            let configuration = MultiServerQueue.Configuration.markovian(
                arrivalRate: 3, serviceRate: 1, servers: servers, customers: 10_000)
            var simulation = Simulation(model: MultiServerQueue(configuration, streams: RandomStreams(seed: 9)))
            _ = simulation.run()
            simulation.finish()
            return simulation.model.busy.area(at: simulation.now)
        }
        XCTAssertEqual(totalWork(servers: 4), totalWork(servers: 6), accuracy: 1e-6)
    }
}
