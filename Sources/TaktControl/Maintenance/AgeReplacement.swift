import TaktFactory

/// Time-based preventive maintenance (age replacement): each controlled machine is maintained
/// when `interval` has passed since its last renewal — a repair after a failure, or a
/// maintenance — whichever comes first. The classic policy of renewal theory: its long-run cost
/// rate is C(T) = (c_p·R(T) + c_f·F(T)) / ∫₀ᵀ R(t) dt for instantaneous actions.
public struct AgeReplacement: MaintenanceController {
    public var name: String { "preventive" }
    /// Age (seconds since renewal) at which a machine is maintained.
    public let interval: Double
    /// How long a maintenance takes.
    public let duration: Double
    /// Machines under this policy (global indices).
    public let machines: [Int]
    var renewedAt: [Double]
    var ordered: [Bool]
    var failed: [Bool]
    var orders = 0

    public init(interval: Double, duration: Double, machines: [Int], machineCount: Int) {
        self.interval = interval
        self.duration = duration
        self.machines = machines
        renewedAt = Array(repeating: 0, count: machineCount)
        ordered = Array(repeating: false, count: machineCount)
        failed = Array(repeating: false, count: machineCount)
    }

    /// The earliest due time among machines neither already ordered nor failed (a failed
    /// machine is renewed by its repair).
    public var nextReview: Double? {
        machines.filter { !ordered[$0] && !failed[$0] }.map { renewedAt[$0] + interval }.min()
    }

    public mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] {
        switch event {
        case .repaired(let m, let time), .maintained(let m, let time):
            renewedAt[m] = time
            ordered[m] = false
            failed[m] = false
        case .failure(let m, _):
            failed[m] = true
        default: break
        }
        return []
    }

    public mutating func review(plant: PlantObservation) -> [MaintenanceOrder] {
        var result: [MaintenanceOrder] = []
        for m in machines where !ordered[m] && !failed[m] && plant.now >= renewedAt[m] + interval - 1e-9 {
            ordered[m] = true
            orders += 1
            result.append(MaintenanceOrder(machine: m, duration: duration))
        }
        return result
    }

    public func metrics() -> [ControllerMetric] {
        [ControllerMetric("orders", "preventive maintenance orders", value: Double(orders))]
    }
}
