import TaktControl
import TaktFactory
import TaktKernel
import XCTest

// The example of docs/controllers.md, compiled and run here so the document cannot rot.

/// Maintains a machine when its last three vibration readings all exceed a limit.
struct ThreeHighReadings: MaintenanceController {
    var name: String { "three_high" }
    let sensor: Int
    let limit: Double
    var highInARow: [Int]
    var orders = 0

    init(sensor: Int, limit: Double, machines: Int) {
        self.sensor = sensor
        self.limit = limit
        highInARow = Array(repeating: 0, count: machines)
    }

    mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] {
        switch event {
        case .reading(let reading) where Int(reading.sensor) == sensor && !reading.value.isNaN:
            let m = Int(reading.machine)
            highInARow[m] = reading.value > limit ? highInARow[m] + 1 : 0
            guard highInARow[m] == 3, plant.machineStates[m] != .down else { return [] }
            orders += 1
            return [MaintenanceOrder(machine: m, duration: 3600)]
        case .repaired(let m, _), .maintained(let m, _):
            highInARow[m] = 0
        default:
            break
        }
        return []
    }

    func metrics() -> [ControllerMetric] {
        [ControllerMetric("orders", "maintenance orders", value: Double(orders))]
    }
}

final class DocumentedControllerTests: XCTestCase {
    /// The documented controller plugs in and prevents wear failures on a worn press.
    func testTheDocumentedExampleRuns() {
        var station = StationSpec(name: "press", machines: 2, bufferCapacity: 1)
        station.wear = WearSpec(incrementPerCycle: .gamma(shape: 2, scale: 0.5), failureThreshold: 100,
                                repairTime: .constant(7200))
        var configuration = FactoryConfiguration(
            stations: [station],
            products: [ProductSpec(name: "part",
                                   routing: [OperationSpec(name: "press", stations: [0], processTime: .constant(60))])],
            orderSources: [OrderSourceSpec(name: "supply",
                                           arrivals: .renewal(interarrival: .constant(10), count: nil, until: nil),
                                           mix: [(product: 0, weight: 1)], whenFull: .reject)])
        configuration.sensors = [SensorSpec(name: "vibration", station: 0, interval: 120, offset: 1, gain: 0.05,
                                            noiseSD: 0.1)]
        func failures(_ controllers: Controllers) -> (failures: Int, maintenances: Int) {
            var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 3),
                                                            controllers: controllers),
                                        limits: RunLimits(endTime: 30 * 86_400))
            _ = simulation.run()
            simulation.finish()
            let report = simulation.model.report()
            return (report.stations[0].failures, report.stations[0].maintenances)
        }
        let runToFailure = failures(Controllers())
        let watched = failures(Controllers(maintenance: ThreeHighReadings(sensor: 0, limit: 4.5, machines: 2)))
        XCTAssertGreaterThan(runToFailure.failures, 20)
        XCTAssertEqual(watched.failures, 0, "wear 70 of 100 reads 4.5 on average: maintained before failing")
        XCTAssertGreaterThan(watched.maintenances, 20)
    }
}
