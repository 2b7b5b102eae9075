import TaktFactory

/// Condition-based maintenance: a machine is maintained when a reading of `sensor` reaches
/// `threshold` (a fixed alarm limit, set by an engineer, not learned).
public struct ConditionBasedMaintenance: MaintenanceController {
    public var name: String { "condition" }
    public let sensor: Int
    public let threshold: Double
    public let duration: Double
    var ordered: [Bool]
    var orders = 0

    public init(sensor: Int, threshold: Double, duration: Double, machineCount: Int) {
        self.sensor = sensor
        self.threshold = threshold
        self.duration = duration
        ordered = Array(repeating: false, count: machineCount)
    }

    public mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] {
        switch event {
        case .reading(let reading) where Int(reading.sensor) == sensor && reading.value >= threshold:
            let m = Int(reading.machine)
            guard !ordered[m], plant.machineStates[m] != .down else { return [] }
            ordered[m] = true
            orders += 1
            return [MaintenanceOrder(machine: m, duration: duration)]
        case .repaired(let m, _), .maintained(let m, _):
            ordered[m] = false
        default: break
        }
        return []
    }

    public func metrics() -> [ControllerMetric] {
        [ControllerMetric("orders", "condition-based maintenance orders", value: Double(orders))]
    }
}
