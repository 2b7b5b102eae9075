import Foundation
import TaktControl
import TaktFactory
import TaktKernel
import XCTest

/// Age replacement under Weibull lifetimes against renewal-reward theory.
final class AgeReplacementTests: XCTestCase {
    /// Machines with Weibull(shape 2, scale 100) lifetimes on calendar time, replaced at age T or
    /// at failure, whichever first; repairs and replacements take a negligible 0.001 time units.
    /// Long-run cost rate: C(T) = (c_p·R(T) + c_f·F(T)) / ∫₀ᵀ R(t) dt (integral by Simpson's
    /// rule here). For T = 60, c_p = 1, c_f = 5 the simulated rate over 10 replications must
    /// contain C(T) in its 99% confidence interval, and the interval must be narrow (1%).
    func testLongRunCostRateMatchesRenewalReward() {
        let (shape, scale, age, preventiveCost, failureCost) = (2.0, 100.0, 60.0, 1.0, 5.0)
        let machines = 10
        var station = StationSpec(name: "pumps", machines: machines)
        station.breakdowns = BreakdownSpec(timeToFailure: .weibull(shape: shape, scale: scale), basis: .calendarTime,
                                           repairTime: .constant(0.001))
        let configuration = FactoryConfiguration(
            stations: [station],
            products: [ProductSpec(name: "none",
                                   routing: [OperationSpec(name: "run", stations: [0], processTime: .constant(1))])],
            orderSources: [OrderSourceSpec(name: "none",
                                           arrivals: .renewal(interarrival: .constant(1), count: 0, until: nil),
                                           mix: [(product: 0, weight: 1)])])
        let horizon = 400_000.0
        var rates: [Double] = []
        for replication in 0..<10 {
            let controllers = Controllers(maintenance: AgeReplacement(interval: age, duration: 0.001,
                                                                      machines: Array(0..<machines),
                                                                      machineCount: machines))
            var simulation = Simulation(model: FactoryModel(configuration,
                                                            streams: RandomStreams(seed: 77).replication(replication),
                                                            controllers: controllers),
                                        limits: RunLimits(endTime: horizon, warmUp: 1_000))
            _ = simulation.run()
            simulation.finish()
            let report = simulation.model.report()
            let cost = preventiveCost * Double(report.stations[0].maintenances)
                + failureCost * Double(report.stations[0].failures)
            rates.append(cost / (report.period * Double(machines)))
        }
        let reliability = { (t: Double) in exp(-pow(t / scale, shape)) }
        let steps = 1_000
        var integral = 0.0
        for i in 0...steps {
            let t = age * Double(i) / Double(steps)
            integral += reliability(t) * (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2))
        }
        integral *= age / Double(steps) / 3
        let exact = (preventiveCost * reliability(age) + failureCost * (1 - reliability(age))) / integral
        let interval = ConfidenceInterval(rates, level: 0.99)
        print("age replacement T = \(age): simulated cost rate \(interval), renewal-reward C(T) = \(exact)")
        XCTAssertTrue(interval.contains(exact), "\(interval) does not contain C(T) = \(exact)")
        XCTAssertLessThan(interval.halfWidth, 0.01 * exact)
    }
}

/// Age counted on the machine's hour meter.
final class OperatingAgeTests: XCTestCase {
    /// A machine busy half the time (1-hour jobs every 2 hours) maintained every 10 operating hours
    /// is maintained about 50 times in 1,000 hours — about half as often as on calendar age — and its
    /// hour meter (observable) equals its busy time exactly.
    func testOperatingAgeFollowsTheHourMeter() {
        let configuration = FactoryConfiguration(
            stations: [StationSpec(name: "press")],
            products: [ProductSpec(name: "p",
                                   routing: [OperationSpec(name: "press", stations: [0],
                                                           processTime: .constant(3600))])],
            orderSources: [OrderSourceSpec(name: "jobs",
                                           arrivals: .renewal(interarrival: .constant(7200), count: nil, until: nil),
                                           mix: [(product: 0, weight: 1)])])
        func run(_ basis: AgeReplacement.Basis) -> (maintenances: Int, hours: Double, busy: Double) {
            let controllers = Controllers(maintenance: AgeReplacement(interval: 10 * 3600, duration: 1, machines: [0],
                                                                      machineCount: 1,
                                                                      basis: basis))
            var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1),
                                                            controllers: controllers),
                                        limits: RunLimits(endTime: 1_000 * 3600))
            _ = simulation.run()
            simulation.finish()
            let report = simulation.model.report()
            return (report.stations[0].maintenances, simulation.model.observation(at: simulation.now).operatingHours[0],
                    report.stations[0].utilisation * report.period / 3600)
        }
        let operating = run(.operating), calendar = run(.calendar)
        XCTAssertEqual(operating.hours, operating.busy, accuracy: 1e-9, "the hour meter is the busy time")
        XCTAssertEqual(operating.busy, 500, accuracy: 1)
        XCTAssertEqual(Double(operating.maintenances), 50, accuracy: 1)
        XCTAssertEqual(Double(calendar.maintenances), 100, accuracy: 1)
    }
}
