import TaktControl
import TaktFactory
import TaktKernel
import XCTest

/// The predictive controller's parts, on hand-made observations.
final class PredictiveMaintenanceTests: XCTestCase {
    func testLinearTrendFitsALineExactlyAndKeepsTheLastPoints() {
        var trend = LinearTrend(capacity: 4)
        XCTAssertNil(trend.fit(at: 0))
        // only the last 4 count
        for t in 0..<10 { trend.add(time: Double(t), value: t < 6 ? 100 : 2 + 0.5 * Double(t)) }
        let fit = try! XCTUnwrap(trend.fit(at: 20))
        XCTAssertEqual(fit.slope, 0.5, accuracy: 1e-12)
        XCTAssertEqual(fit.value, 12, accuracy: 1e-12)
    }

    /// An empty plant observation for `machines` machines of one station with one sensor.
    func plant(machines: Int, at now: Double) -> PlantObservation {
        let configuration = FactoryConfiguration(
            stations: [StationSpec(name: "press", machines: machines)],
            products: [ProductSpec(name: "p",
                                   routing: [OperationSpec(name: "o", stations: [0], processTime: .constant(1))])],
            orderSources: [OrderSourceSpec(name: "none",
                                           arrivals: .renewal(interarrival: .constant(1), count: 0, until: nil),
                                           mix: [(product: 0, weight: 1)])])
        let model = FactoryModel(configuration, streams: RandomStreams(seed: 1))
        return model.observation(at: now)
    }

    /// Readings rise by 1 per hour from 0 after each renewal; failures come at level 10. It watches
    /// until three failures, learns the level (10, no spread), then warns and orders maintenance
    /// when the extrapolated trend reaches 10 within the 3-hour horizon: at level 7.
    func testLearnsTheFailureLevelThenActsAheadOfIt() {
        var controller = PredictiveMaintenance(sensor: 0, horizon: 3 * 3600, duration: 600, machines: [0],
                                               machineCount: 1,
                                               window: 5, minimumFailures: 3, margin: 1)
        var clock = 0.0
        var ordersAtLevel: [Double] = []
        for life in 0..<5 {
            for level in 0...10 {
                let view = plant(machines: 1, at: clock)
                let orders = controller.observe(.reading(SensorReading(time: clock, machine: 0, sensor: 0,
                                                                       value: Double(level))), plant: view)
                if !orders.isEmpty {
                    ordersAtLevel.append(Double(level))
                    XCTAssertEqual(orders, [MaintenanceOrder(machine: 0, duration: 600)])
                }
                clock += 3600
            }
            _ = controller.observe(.failure(machine: 0, time: clock - 3600), plant: plant(machines: 1, at: clock))
            _ = controller.observe(.repaired(machine: 0, time: clock), plant: plant(machines: 1, at: clock))
            if life < 2 { XCTAssertNil(controller.alarmLevel) }
        }
        XCTAssertEqual(try XCTUnwrap(controller.alarmLevel), 10, accuracy: 1e-9)
        XCTAssertEqual(ordersAtLevel, [7, 7], "one order per life after learning, when 3 h remain")
        let metrics = Dictionary(controller.metrics().map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(metrics["warnings"], 2)
        XCTAssertEqual(metrics["recall"], 40, "2 of 5 failures were preceded by a warning")
        XCTAssertEqual(metrics["lead_time"]!, 3, accuracy: 1e-9, "warned at level 7, failed at 10: 3 h ahead")
        XCTAssertEqual(metrics["precision"], 100)
    }
}
