import TaktFactory

/// A maintenance policy as a scenario names it. Machines are those of `stations` (station
/// indices; empty: every station of the plant — the scenario reader fills in the stations that
/// the planner's file says fail or wear, and a predictive policy defaults to its sensor's
/// station).
public enum MaintenancePolicy: Sendable, Equatable {
    /// Repair after failure only (no controller).
    case runToFailure
    /// Maintain each machine when its age since the last renewal reaches `interval`, in calendar
    /// or operating time (`AgeReplacement`).
    case preventive(interval: Double, duration: Double, stations: [Int], basis: AgeReplacement.Basis = .calendar)
    /// Age replacement at an interval learned from the failures seen (`LearnedAgeReplacement`).
    case learnedPreventive(duration: Double, stations: [Int], basis: AgeReplacement.Basis, minimumFailures: Int)
    /// Maintain when a reading of `sensor` reaches `threshold` (`ConditionBasedMaintenance`).
    case condition(sensor: Int, threshold: Double, duration: Double)
    /// Learn the failure level and extrapolate the sensor's trend (`PredictiveMaintenance`).
    case predictive(sensor: Int, horizon: Double, duration: Double, stations: [Int], window: Int, minimumFailures: Int,
                    margin: Double,
                    knownFailureLevels: [Double] = [])
    /// A health model, a remaining-life estimate and cost-aware alarms (`PrognosticMaintenance`).
    case prognostic(PrognosticSettings)

    /// A fresh controller (nil for run-to-failure), built from what the plant knows of itself.
    /// - Parameter layout: the plant's observable layout (machines, sensors, prices).
    public func controller(for layout: PlantLayout) -> (any MaintenanceController)? {
        let machineCount = layout.machineStation.count
        func machines(of stations: [Int]) -> [Int] {
            layout.machineStation.indices.filter { stations.isEmpty || stations.contains(layout.machineStation[$0]) }
        }
        let economics = MaintenanceEconomics(layout.maintenanceCosts)
        switch self {
        case .runToFailure:
            return nil
        case .preventive(let interval, let duration, let stations, let basis):
            return AgeReplacement(interval: interval, duration: duration, machines: machines(of: stations),
                                  machineCount: machineCount,
                                  basis: basis)
        case .learnedPreventive(let duration, let stations, let basis, let minimumFailures):
            return LearnedAgeReplacement(duration: duration, machines: machines(of: stations),
                                         machineCount: machineCount, basis: basis, economics: economics,
                                         minimumFailures: minimumFailures)
        case .condition(let sensor, let threshold, let duration):
            return ConditionBasedMaintenance(sensor: sensor, threshold: threshold, duration: duration,
                                             machineCount: machineCount)
        case .predictive(let sensor, let horizon, let duration, let stations, let window, let minimumFailures,
                         let margin, let known):
            let watched = machines(of: stations.isEmpty ? [layout.sensors[sensor].station] : stations)
            return PredictiveMaintenance(sensor: sensor, horizon: horizon, duration: duration, machines: watched,
                                         machineCount: machineCount, window: window, minimumFailures: minimumFailures,
                                         margin: margin,
                                         knownFailureLevels: known)
        case .prognostic(let settings):
            let stations = settings.stations.isEmpty ? [layout.sensors[settings.sensor].station] : settings.stations
            return PrognosticMaintenance(sensor: settings.sensor, duration: settings.duration, economics: economics,
                                         machines: machines(of: stations), machineCount: machineCount,
                                         baselineHours: settings.baselineHours, smoothing: settings.smoothing,
                                         limit: settings.limit, window: settings.window,
                                         minimumFailures: settings.minimumFailures,
                                         knownFailureLevels: settings.knownFailureLevels)
        }
    }
}

/// The settings of a `prognostic` maintenance policy (see `PrognosticMaintenance`).
public struct PrognosticSettings: Sendable, Equatable {
    public var sensor: Int
    public var duration: Double
    public var stations: [Int] = []
    public var baselineHours: Double = 24
    public var smoothing: Double = 0.2
    public var limit: Double = 3
    public var window: Int = 24
    public var minimumFailures: Int = 3
    public var knownFailureLevels: [Double] = []

    /// - Parameters:
    ///   - sensor: the sensor it reads.
    ///   - duration: length of one maintenance (seconds).
    public init(sensor: Int, duration: Double) {
        self.sensor = sensor
        self.duration = duration
    }
}
