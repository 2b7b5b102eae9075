import TaktFactory

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a maintenance decision costs, as the plant pays it: a planned maintenance (its price
/// and the downtime of its duration) against a failure (the repair's price and the downtime of
/// a repair, whose mean the controller observes). Costs come from the scenario's
/// `maintenance_costs` — prices a plant knows, not how its machines behave.
public struct MaintenanceEconomics: Sendable, Equatable {
    public var preventive: Double
    public var corrective: Double
    public var downtimePerHour: Double

    /// - Parameters:
    ///   - preventive: price of one planned maintenance.
    ///   - corrective: price of one repair after a failure.
    ///   - downtimePerHour: cost of an hour a machine stands still.
    public init(preventive: Double, corrective: Double, downtimePerHour: Double) {
        self.preventive = preventive
        self.corrective = corrective
        self.downtimePerHour = downtimePerHour
    }

    /// The plant's price list.
    /// - Parameter costs: the scenario's `maintenance_costs`.
    public init(_ costs: MaintenanceCosts) {
        self.init(preventive: costs.preventive, corrective: costs.corrective, downtimePerHour: costs.downtimePerHour)
    }

    /// Cost of a planned maintenance lasting `duration` seconds.
    /// - Parameter duration: the maintenance's length (seconds).
    public func maintenanceCost(duration: Double) -> Double { preventive + downtimePerHour * duration / 3600 }

    /// Cost of a failure whose repair takes `repairTime` seconds (waiting included).
    /// - Parameter repairTime: time down after a failure (seconds).
    public func failureCost(repairTime: Double) -> Double { corrective + downtimePerHour * repairTime / 3600 }

    /// The age-replacement interval that minimises the long-run cost rate under `law`:
    /// C(T) = (c_p·R(T) + c_f·F(T)) / (∫₀ᵀ R(t) dt + d_p·R(T) + d_f·F(T)), with c and d the costs and
    /// durations of a planned maintenance (p) and a failure (f). Nil when running to failure is
    /// at least as cheap (e.g. a hazard that does not rise).
    /// - Parameters:
    ///   - law: the lifetime law.
    ///   - maintenanceDuration: d_p (seconds).
    ///   - repairTime: d_f (seconds), the mean time down after a failure.
    public func optimalInterval(_ law: WeibullFit, maintenanceDuration: Double, repairTime: Double) -> Double? {
        let cp = maintenanceCost(duration: maintenanceDuration), cf = failureCost(repairTime: repairTime)
        guard law.shape > 1, cf > cp else { return nil }
        let runToFailure = cf / (law.mean + repairTime)
        // a grid to the 1e-6 survival quantile, ∫R by the trapezoid rule along it
        let end = law.scale * pow(-log(1e-6), 1 / law.shape)
        let steps = 4_000
        let dt = end / Double(steps)
        var integral = 0.0, previous = 1.0
        var best: (interval: Double, rate: Double)?
        for k in 1...steps {
            let t = Double(k) * dt
            let r = law.survival(t)
            integral += (previous + r) / 2 * dt
            previous = r
            let rate = (cp * r + cf * (1 - r)) / (integral + maintenanceDuration * r + repairTime * (1 - r))
            if best == nil || rate < best!.rate { best = (t, rate) }
        }
        guard let best, best.rate < runToFailure else { return nil }
        return best.interval
    }
}
