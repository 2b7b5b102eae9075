import Foundation
import TaktControl
import TaktFactory
import TaktKernel
import XCTest

/// The learning maintenance controllers' parts: a censored Weibull fit, the cost-optimal age,
/// and the prognostic controller on hand-made observations.
final class LearnedMaintenanceTests: XCTestCase {
    /// 20,000 Weibull(β 2.5, η 100) lifetimes censored by uniform(0, 200) inspections (about 40%
    /// censored): the fit recovers both parameters within 4% (their relative standard errors are
    /// near 0.8/√r ≈ 0.7% for β and 1/(β√r) ≈ 0.4% for η), while dropping the censored lifetimes
    /// underestimates the scale by more than 10% — the bias censoring handles.
    func testWeibullFitHandlesRightCensoring() {
        var rng = RandomStreams(seed: 5).stream(entity: "weibull", purpose: "test")
        var failures: [Double] = [], censored: [Double] = []
        for _ in 0..<20_000 {
            let life = 100 * pow(-log(1 - rng.nextUnit()), 1 / 2.5)
            let inspection = 200 * rng.nextUnit()
            if life <= inspection { failures.append(life) } else { censored.append(inspection) }
        }
        XCTAssertGreaterThan(censored.count, 6_000)
        let fit = try! XCTUnwrap(WeibullFit(failures: failures, censored: censored))
        XCTAssertEqual(fit.shape, 2.5, accuracy: 0.04 * 2.5)
        XCTAssertEqual(fit.scale, 100, accuracy: 4)
        let naive = try! XCTUnwrap(WeibullFit(failures: failures))
        XCTAssertLessThan(naive.scale, 90, "ignoring censoring biases the scale down")
        XCTAssertNil(WeibullFit(failures: [], censored: [1, 2]))
    }

    /// With instantaneous actions the optimal age T* solves Barlow and Proschan's condition
    /// h(T)·∫₀ᵀ R(t) dt − F(T) = c_p / (c_f − c_p); here β 3, η 100 h, c_p 1, c_f 10. A hazard that
    /// does not rise never pays for preventive maintenance.
    func testOptimalIntervalMeetsTheFirstOrderCondition() {
        var law = try! XCTUnwrap(WeibullFit(failures: [1, 2, 3]))
        law.shape = 3
        law.scale = 100 * 3600
        let economics = MaintenanceEconomics(preventive: 1, corrective: 10, downtimePerHour: 0)
        let interval = try! XCTUnwrap(economics.optimalInterval(law, maintenanceDuration: 0, repairTime: 0))
        var integral = 0.0
        let steps = 100_000
        for k in 0..<steps {
            let t = (Double(k) + 0.5) * interval / Double(steps)
            integral += law.survival(t) * interval / Double(steps)
        }
        let condition = law.hazard(interval) * integral - (1 - law.survival(interval))
        XCTAssertEqual(condition, 1.0 / 9, accuracy: 0.01 / 9, "T* = \(interval / 3600) h")
        law.shape = 0.9
        XCTAssertNil(economics.optimalInterval(law, maintenanceDuration: 0, repairTime: 0))
    }

    /// Readings sit at 1 ± 0.1 while healthy, then rise by 0.1 per hour from hour 40 of each life
    /// until the machine fails at 3 (hour 60). It learns the healthy baseline, detects each
    /// degradation within a few hours, learns the failure level from three failures, and from
    /// then on orders maintenance before the failure, ahead by at most a few hours.
    func testPrognosticControllerDetectsLearnsThenActsAhead() {
        let economics = MaintenanceEconomics(preventive: 400, corrective: 2_000, downtimePerHour: 150)
        var controller = PrognosticMaintenance(sensor: 0, duration: 3600, economics: economics, machines: [0],
                                               machineCount: 1, baselineHours: 30, window: 8, minimumFailures: 3)
        let view = emptyPlant()
        var clock = 0.0
        var ordersAt: [(life: Int, hour: Int)] = []
        for life in 0..<6 {
            for hour in 0..<60 {
                let value = hour < 40 ? 1 + (hour % 2 == 0 ? 0.1 : -0.1) : 1 + 0.1 * Double(hour - 40)
                let orders = controller.observe(.reading(SensorReading(time: clock, machine: 0, sensor: 0,
                                                                       value: value)), plant: view)
                if !orders.isEmpty { ordersAt.append((life, hour)) }
                clock += 3600
            }
            _ = controller.observe(.failure(machine: 0, time: clock), plant: view)
            clock += 4 * 3600
            _ = controller.observe(.repaired(machine: 0, time: clock), plant: view)
        }
        let baseline = try! XCTUnwrap(controller.baseline)
        XCTAssertEqual(baseline.mean, 1, accuracy: 0.01)
        XCTAssertEqual(baseline.sd, 0.1, accuracy: 0.01)
        let level = try! XCTUnwrap(controller.failureLevel)
        XCTAssertEqual(level.mean, 2.9, accuracy: 0.15, "the line's value at the failure")
        XCTAssertEqual(ordersAt.map(\.life), [3, 4, 5], "one order per life once three levels are known")
        for order in ordersAt { XCTAssertTrue((50..<60).contains(order.hour), "ordered at hour \(order.hour)") }
        let metrics = Dictionary(controller.metrics().map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(metrics["detections"], 6)
    }

    /// An observation of a one-machine plant with one sensor.
    func emptyPlant() -> PlantObservation {
        let configuration = FactoryConfiguration(
            stations: [StationSpec(name: "press", machines: 1)],
            products: [ProductSpec(name: "p",
                                   routing: [OperationSpec(name: "o", stations: [0], processTime: .constant(1))])],
            orderSources: [OrderSourceSpec(name: "none",
                                           arrivals: .renewal(interarrival: .constant(1), count: 0, until: nil),
                                           mix: [(product: 0, weight: 1)])])
        return FactoryModel(configuration, streams: RandomStreams(seed: 1)).observation(at: 0)
    }
}
