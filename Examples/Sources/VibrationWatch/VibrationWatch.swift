import TaktFactory

/// A maintenance controller written outside Takt: it watches one sensor and orders a
/// maintenance when `consecutive` readings in a row exceed `threshold`.
///
/// It sees only what the plant sees — the readings as they arrive (`PlantEvent.reading`), and
/// failures and maintenance as they are logged — never a machine's true wear. It plugs into the
/// factory model through `Controllers(maintenance:)`.
public struct VibrationWatch: MaintenanceController {
    public var name: String { "vibration_watch" }
    let sensor: String
    let threshold: Double
    let consecutive: Int
    let duration: Double
    /// Readings in a row above the threshold, per machine.
    var above: [Int: Int] = [:]
    var orders = 0

    /// - Parameters: `sensor` by name (as in the scenario); `duration` of an ordered maintenance, in seconds.
    public init(sensor: String, threshold: Double, consecutive: Int = 3, duration: Double = 3600) {
        self.sensor = sensor
        self.threshold = threshold
        self.consecutive = consecutive
        self.duration = duration
    }

    public mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] {
        switch event {
        case .reading(let reading):
            guard plant.layout.sensors[Int(reading.sensor)].name == sensor, !reading.value.isNaN else { return [] }
            let machine = Int(reading.machine)
            above[machine] = reading.value > threshold ? (above[machine] ?? 0) + 1 : 0
            guard above[machine] == consecutive else { return [] }
            orders += 1
            return [MaintenanceOrder(machine: machine, duration: duration)]
        case .maintained(let machine, _), .repaired(let machine, _):
            above[machine] = 0
            return []
        default:
            return []
        }
    }

    public func metrics() -> [ControllerMetric] {
        [ControllerMetric("orders", "maintenance orders", value: Double(orders))]
    }
}
