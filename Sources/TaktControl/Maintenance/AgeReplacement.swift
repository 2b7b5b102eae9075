import TaktFactory

/// Time-based preventive maintenance (age replacement): each controlled machine is maintained
/// when its age since the last renewal — a repair after a failure, or a maintenance — reaches
/// `interval`, whichever comes first. Age is calendar time, or operating time read from the
/// machine's hour meter (checked every `checkEvery` and at every event the controller sees).
/// The classic policy of renewal theory: with calendar age its long-run cost rate is
/// C(T) = (c_p·R(T) + c_f·F(T)) / ∫₀ᵀ R(t) dt for instantaneous actions.
public struct AgeReplacement: MaintenanceController {
    /// What a machine's age counts.
    public enum Basis: String, Sendable {
        case calendar
        case operating
    }

    public var name: String { "preventive" }
    /// Age (seconds since renewal) at which a machine is maintained.
    public internal(set) var interval: Double
    /// How long a maintenance takes.
    public let duration: Double
    /// Machines under this policy (global indices).
    public let machines: [Int]
    public let basis: Basis
    /// How often operating ages are checked (operating basis).
    public let checkEvery: Double
    var renewedAt: [Double]
    var renewedAtHours: [Double]
    var ordered: [Bool]
    var failed: [Bool]
    var nextCheck: Double
    var orders = 0

    public init(interval: Double, duration: Double, machines: [Int], machineCount: Int, basis: Basis = .calendar,
                checkEvery: Double? = nil) {
        self.interval = interval
        self.duration = duration
        self.machines = machines
        self.basis = basis
        self.checkEvery = checkEvery ?? max(60, interval / 50)
        renewedAt = Array(repeating: 0, count: machineCount)
        renewedAtHours = Array(repeating: 0, count: machineCount)
        ordered = Array(repeating: false, count: machineCount)
        failed = Array(repeating: false, count: machineCount)
        nextCheck = self.checkEvery
    }

    /// Calendar basis: the earliest due time among machines neither already ordered nor failed (a
    /// failed machine is renewed by its repair). Operating basis: the next periodic check.
    public var nextReview: Double? {
        switch basis {
        case .calendar: return machines.filter { !ordered[$0] && !failed[$0] }.map { renewedAt[$0] + interval }.min()
        case .operating: return nextCheck
        }
    }

    public mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] {
        switch event {
        case .repaired(let m, let time), .maintained(let m, let time):
            renewedAt[m] = time
            renewedAtHours[m] = plant.operatingHours[m]
            ordered[m] = false
            failed[m] = false
        case .failure(let m, _):
            failed[m] = true
        default:
            break
        }
        return basis == .operating ? due(plant) : []
    }

    public mutating func review(plant: PlantObservation) -> [MaintenanceOrder] {
        if basis == .operating { nextCheck = plant.now + checkEvery }
        return due(plant)
    }

    mutating func due(_ plant: PlantObservation) -> [MaintenanceOrder] {
        var result: [MaintenanceOrder] = []
        for m in machines where !ordered[m] && !failed[m] {
            // Calendar basis: the very sum `nextReview` asks to be woken at, so a review at that time
            // always orders (an absolute tolerance is below the clock's resolution after ~97 days,
            // and the review then recurred at the same instant forever). Operating basis: the hour
            // meter is a running sum, compared with a tolerance relative to its size.
            let due: Bool
            switch basis {
            case .calendar:
                due = plant.now >= renewedAt[m] + interval
            case .operating:
                let hours = plant.operatingHours[m], since = renewedAtHours[m]
                due = (hours - since) * 3600 >= interval - 1e-12 * max(hours * 3600, interval)
            }
            guard due else { continue }
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
