import Foundation
import TaktFactory
import TaktKernel
import XCTest

/// Failures with a warning period (`WearSpec.onset`), and warnings scored against them.
final class WarningPeriodTests: XCTestCase {
    /// One always-busy machine with cycles of `cycle` seconds, wear 1 per cycle from the
    /// potential-failure point on, failure at wear 20, repair 5 s restoring it fully.
    func degradingMachine(onset: Distribution, cycle: Double = 1) -> FactoryConfiguration {
        var station = StationSpec(name: "press", bufferCapacity: 1)
        station.wear = WearSpec(incrementPerCycle: .constant(1), failureThreshold: 20 - 1e-9,
                                repairTime: .constant(5))
        station.wear?.onset = onset
        return FactoryConfiguration(
            stations: [station],
            products: [ProductSpec(name: "part", routing: [OperationSpec(name: "press", stations: [0],
                                                                         processTime: .constant(cycle))])],
            orderSources: [OrderSourceSpec(name: "supply", arrivals: .renewal(interarrival: .constant(cycle / 10),
                                                                              count: nil, until: nil),
                                           mix: [(product: 0, weight: 1)], whenFull: .reject)])
    }

    /// Onset O ~ exponential(mean 200 s) of operating time, then 20 cycles of wear. The cycle
    /// that crosses O adds the share 1 − frac(O) of its wear, so a failure comes at the end of
    /// cycle N = ⌊O⌋ + 21 after a renewal: E[N] = 1/(e^{1/200} − 1) + 21 ≈ 220.5, SD(N) ≈ 200.
    /// The simulated mean over ~3,000 failures must lie within 4 standard errors.
    func testFailuresComeAfterTheOnsetPlusTheDegradation() {
        let configuration = degradingMachine(onset: .exponential(mean: 200))
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 4)),
                                    limits: RunLimits(endTime: 3_000 * 226))
        _ = simulation.run()
        simulation.finish()
        let report = simulation.model.report()
        let failures = report.stations[0].failures
        XCTAssertGreaterThan(failures, 2_700)
        let expected = 1 / (exp(1.0 / 200) - 1) + 21
        let cyclesPerFailure = Double(report.stations[0].processedUnits) / Double(failures)
        XCTAssertEqual(cyclesPerFailure, expected, accuracy: 4 * 200 / Double(failures).squareRoot())
    }

    /// A shadow controller that warns when the machine's wear-driven sensor reads `threshold`:
    /// cycles of 1 h, a fixed onset of 100 h, a failure 20 h into the degradation, a reading
    /// every minute equal to the wear (so the lead is within a minute of the wear's). Warning at
    /// 15 gives a lead of 5 h (flagged at none of 6.5, 12, 24 h); at 10, a lead of 10 h (flagged
    /// 6.5 h ahead only); at 0.5, about 19.5 h; every warning comes during the degradation (all
    /// true). A threshold below the healthy reading (−1) warns at once after every renewal,
    /// before the onset: all false alarms, every failure flagged at all horizons. The P–F
    /// interval is 20 h exactly.
    func testWarningsAreScoredPerHorizon() {
        for (threshold, flaggedAt, precision) in [(15.0, [false, false, false], 1.0), (10.0, [true, false, false], 1),
                                                  (0.5, [true, true, false], 1), (-1, [true, true, true], 0)] {
            var configuration = degradingMachine(onset: .constant(100 * 3600), cycle: 3600)
            configuration.sensors = [SensorSpec(name: "wear", station: 0, interval: 60)]
            var controllers = Controllers()
            controllers.shadowMaintenance = WarnAtReading(threshold: threshold)
            var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1),
                                                            controllers: controllers),
                                        limits: RunLimits(endTime: 200 * 86_400))
            _ = simulation.run()
            simulation.finish()
            guard let (prefix, report) = simulation.model.warningReports.first else { return XCTFail("no report") }
            XCTAssertEqual(prefix, "shadow.warnings")
            XCTAssertGreaterThan(report.failures, 30)
            XCTAssertEqual(report.failures, report.degradationFailures)
            for period in report.warningPeriods { XCTAssertEqual(period, 20 * 3600, accuracy: 1e-6) }
            XCTAssertEqual(report.leadTimes.count, report.failures)
            XCTAssertEqual(report.precision ?? -1, precision, "threshold \(threshold)")
            for k in 0..<3 {
                XCTAssertEqual(report.recall(k) ?? -1, flaggedAt[k] ? 1 : 0, "threshold \(threshold), horizon \(k)")
            }
            if threshold == 10 {
                for lead in report.leadTimes { XCTAssertEqual(lead, 10 * 3600 - 30, accuracy: 30.001) }
            }
        }
    }
}

/// Warns (orders maintenance, in shadow) at the first reading at or above `threshold` since
/// the last renewal.
struct WarnAtReading: MaintenanceController {
    var name: String { "warn" }
    let threshold: Double
    var warned = false

    mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] {
        switch event {
        case .reading(let reading) where reading.value >= threshold && !warned:
            warned = true
            return [MaintenanceOrder(machine: Int(reading.machine), duration: 60)]
        case .repaired, .maintained:
            warned = false
        default: break
        }
        return []
    }
}
