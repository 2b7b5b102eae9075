import TaktFactory

/// A maintenance policy as a scenario names it. Machines are those of `stations` (station
/// indices; empty: every station with breakdowns or wear).
public enum MaintenancePolicy: Sendable, Equatable {
    /// Repair after failure only (no controller).
    case runToFailure
    /// Maintain each machine when its age since the last renewal reaches `interval`, in calendar
    /// or operating time (`AgeReplacement`).
    case preventive(interval: Double, duration: Double, stations: [Int], basis: AgeReplacement.Basis = .calendar)
    /// Maintain when a reading of `sensor` reaches `threshold` (`ConditionBasedMaintenance`).
    case condition(sensor: Int, threshold: Double, duration: Double)
    /// Learn the failure level and extrapolate the sensor's trend (`PredictiveMaintenance`).
    case predictive(sensor: Int, horizon: Double, duration: Double, stations: [Int], window: Int, minimumFailures: Int,
                    margin: Double,
                    knownFailureLevels: [Double] = [])

    /// A fresh controller (nil for run-to-failure).
    public func controller(for configuration: FactoryConfiguration) -> (any MaintenanceController)? {
        let machineCount = configuration.stations.reduce(0) { $0 + $1.machines }
        func machines(of stations: [Int]) -> [Int] {
            var first = 0
            var result: [Int] = []
            for (index, station) in configuration.stations.enumerated() {
                let chosen = stations.isEmpty ? (station.breakdowns != nil || station.wear != nil)
                    : stations.contains(index)
                if chosen { result += Array(first..<first + station.machines) }
                first += station.machines
            }
            return result
        }
        switch self {
        case .runToFailure:
            return nil
        case .preventive(let interval, let duration, let stations, let basis):
            return AgeReplacement(interval: interval, duration: duration, machines: machines(of: stations),
                                  machineCount: machineCount,
                                  basis: basis)
        case .condition(let sensor, let threshold, let duration):
            return ConditionBasedMaintenance(sensor: sensor, threshold: threshold, duration: duration,
                                             machineCount: machineCount)
        case .predictive(let sensor, let horizon, let duration, let stations, let window, let minimumFailures,
                         let margin, let known):
            let watched = stations.isEmpty ? machines(of: [configuration.sensors[sensor].station])
                : machines(of: stations)
            return PredictiveMaintenance(sensor: sensor, horizon: horizon, duration: duration, machines: watched,
                                         machineCount: machineCount, window: window, minimumFailures: minimumFailures,
                                         margin: margin,
                                         knownFailureLevels: known)
        }
    }
}
