import TaktFactory

/// Age replacement whose interval is learned, not given: the fair preventive baseline. It runs
/// to failure until it has seen `minimumFailures` failures, then fits a Weibull law to the
/// lifetimes it has observed — failures, with the renewals by maintenance and the machines
/// still running as right-censored lifetimes (`WeibullFit`) — and maintains each machine at
/// the age that minimises the long-run cost rate under that law and the plant's prices
/// (`MaintenanceEconomics.optimalInterval`), refitting after every failure. If the fitted
/// hazard does not rise, or maintaining does not pay, it keeps running to failure.
///
/// It learns off its own form: the true failure mechanism need not be Weibull (a warning
/// period, wear, shocks), and the fitted law is all it knows.
public struct LearnedAgeReplacement: MaintenanceController {
    public var name: String { "learned_preventive" }
    public let economics: MaintenanceEconomics
    public let minimumFailures: Int
    var policy: AgeReplacement
    var lifetimes: [Double] = []
    var renewedEarly: [Double] = []
    var failedAt: [Double]
    var repairTotal = 0.0
    var repairs = 0
    /// The law fitted last (nil until enough failures).
    public private(set) var law: WeibullFit?
    var refits = 0

    /// - Parameters:
    ///   - duration: length of one maintenance (seconds).
    ///   - machines: the machines it looks after (global indices).
    ///   - machineCount: machines in the plant.
    ///   - basis: whether age counts calendar or operating time.
    ///   - economics: the plant's prices for maintenance, repairs and downtime.
    ///   - minimumFailures: failures to see before the first fit.
    public init(duration: Double, machines: [Int], machineCount: Int, basis: AgeReplacement.Basis = .calendar,
                economics: MaintenanceEconomics, minimumFailures: Int = 5) {
        policy = AgeReplacement(interval: .infinity, duration: duration, machines: machines,
                                machineCount: machineCount, basis: basis, checkEvery: 600)
        self.economics = economics
        self.minimumFailures = minimumFailures
        failedAt = Array(repeating: .nan, count: machineCount)
    }

    /// The interval in force (infinite: running to failure).
    public var interval: Double { policy.interval }

    public var nextReview: Double? {
        policy.basis == .operating || policy.interval.isFinite ? policy.nextReview : nil
    }

    public mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] {
        let watched = Set(policy.machines)
        switch event {
        case .failure(let m, let time) where watched.contains(m):
            lifetimes.append(age(of: m, plant: plant, at: time))
            failedAt[m] = time
            refit(plant)
        case .repaired(let m, let time) where watched.contains(m) && !failedAt[m].isNaN:
            repairTotal += time - failedAt[m]
            repairs += 1
            failedAt[m] = .nan
        case .maintained(let m, let time) where watched.contains(m):
            renewedEarly.append(max(0, age(of: m, plant: plant, at: time - policy.duration)))
        default:
            break
        }
        return policy.observe(event, plant: plant)
    }

    public mutating func review(plant: PlantObservation) -> [MaintenanceOrder] {
        policy.review(plant: plant)
    }

    /// Age since the last renewal: calendar time, or hours on the meter (operating basis).
    func age(of m: Int, plant: PlantObservation, at time: Double) -> Double {
        switch policy.basis {
        case .calendar: return time - policy.renewedAt[m]
        case .operating: return (plant.operatingHours[m] - policy.renewedAtHours[m]) * 3600
        }
    }

    mutating func refit(_ plant: PlantObservation) {
        guard lifetimes.count >= minimumFailures else { return }
        let running = policy.machines.filter { failedAt[$0].isNaN }.map { age(of: $0, plant: plant, at: plant.now) }
        law = WeibullFit(failures: lifetimes, censored: renewedEarly + running)
        refits += 1
        let repairTime = repairs > 0 ? repairTotal / Double(repairs) : 0
        policy.interval = law.flatMap {
            economics.optimalInterval($0, maintenanceDuration: policy.duration, repairTime: repairTime)
        } ?? .infinity
    }

    public func metrics() -> [ControllerMetric] {
        [
            ControllerMetric("interval", "learned maintenance age (0: running to failure)", unit: "h",
                             value: policy.interval.isFinite ? policy.interval / 3600 : 0),
            ControllerMetric("weibull_shape", "fitted Weibull shape of the lifetimes", value: law?.shape ?? 0),
            ControllerMetric("weibull_scale", "fitted Weibull scale of the lifetimes", unit: "h",
                             value: (law?.scale ?? 0) / 3600),
            ControllerMetric("failures_learned", "failures learned from", value: Double(lifetimes.count)),
            ControllerMetric("censored_learned", "maintained lifetimes learned from (censored)",
                             value: Double(renewedEarly.count)),
            ControllerMetric("orders", "preventive maintenance orders", value: Double(policy.orders)),
        ]
    }
}
