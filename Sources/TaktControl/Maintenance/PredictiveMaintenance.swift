import TaktFactory

/// Predictive maintenance that learns from observations only: the readings of one sensor per
/// machine and the failures it has seen.
///
/// - **Learning the failure level.** At each failure it notes the sensor level the machine had
///   reached (the trend line's value at the failure time). Once `minimumFailures` have been
///   seen, the alarm level is the mean of those levels minus `margin` standard deviations.
///   Until then it only watches (as run-to-failure would).
/// - **Predicting.** On each reading it fits a line through the machine's last `window`
///   readings since its last renewal and extrapolates when the line reaches the alarm level.
///   If that is within `horizon`, it warns and orders maintenance (carried out when the machine
///   is free and a technician is available).
/// - **Scoring itself** against what happened (`metrics()`): a failure preceded by a warning
///   counts as caught, with its lead time; a warning whose machine failed within `horizon`
///   after it is correct, one whose machine failed later is a false alarm; a warning followed
///   by the maintenance it asked for cannot be scored (the failure it predicted never came) —
///   in shadow mode nothing is acted on, so every warning is scored.
public struct PredictiveMaintenance: MaintenanceController {
    public var name: String { "predictive" }
    public let sensor: Int
    public let horizon: Double
    public let duration: Double
    public let window: Int
    public let minimumFailures: Int
    public let margin: Double
    /// The machines it looks after (global indices).
    public let machines: Set<Int>

    var trends: [LinearTrend]
    var levels: [Double] = []
    var warnedAt: [Double?]
    var ordered: [Bool]
    // Self-assessment.
    var warnings = 0
    var caught = 0
    var missed = 0
    var correctWarnings = 0
    var falseAlarms = 0
    var actedOn = 0
    var leadTimes: [Double] = []

    /// - Parameter knownFailureLevels: failure levels learned in earlier runs (a warm start, from
    ///   `learnedModel()` saved by `takt run --save-models`); new failures add to them.
    public init(sensor: Int, horizon: Double, duration: Double, machines: [Int], machineCount: Int, window: Int = 24,
                minimumFailures: Int = 3, margin: Double = 1, knownFailureLevels: [Double] = []) {
        levels = knownFailureLevels
        self.sensor = sensor
        self.horizon = horizon
        self.duration = duration
        self.window = window
        self.minimumFailures = minimumFailures
        self.margin = margin
        self.machines = Set(machines)
        trends = Array(repeating: LinearTrend(capacity: window), count: machineCount)
        warnedAt = Array(repeating: nil, count: machineCount)
        ordered = Array(repeating: false, count: machineCount)
    }

    /// The learned alarm level (nil until enough failures have been seen).
    public var alarmLevel: Double? {
        guard levels.count >= minimumFailures else { return nil }
        let mean = levels.reduce(0, +) / Double(levels.count)
        let variance = levels.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(levels.count - 1)
        return mean - margin * variance.squareRoot()
    }

    public mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] {
        switch event {
        case .reading(let reading):
            let m = Int(reading.machine)
            guard Int(reading.sensor) == sensor, machines.contains(m), !reading.value.isNaN else { return [] }
            trends[m].add(time: reading.time, value: reading.value)
            return predict(m, now: reading.time, state: plant.machineStates[m])
        case .failure(let m, let time):
            guard machines.contains(m) else { return [] }
            if let fitted = trends[m].fit(at: time) { levels.append(fitted.value) }
            if let warned = warnedAt[m] {
                caught += 1
                leadTimes.append(time - warned)
                if time - warned <= horizon { correctWarnings += 1 } else { falseAlarms += 1 }
            } else {
                missed += 1
            }
            warnedAt[m] = nil
        case .repaired(let m, _):
            renew(m)
        case .maintained(let m, _):
            if warnedAt[m] != nil { actedOn += 1 }
            warnedAt[m] = nil
            renew(m)
        default: break
        }
        return []
    }

    mutating func renew(_ m: Int) {
        guard machines.contains(m) else { return }
        trends[m].removeAll()
        ordered[m] = false
    }

    mutating func predict(_ m: Int, now: Double, state: MachineState) -> [MaintenanceOrder] {
        guard let level = alarmLevel, let fitted = trends[m].fit(at: now), state != .down else { return [] }
        let due: Bool
        if fitted.value >= level {
            due = true
        } else if fitted.slope > 0 {
            due = (level - fitted.value) / fitted.slope <= horizon
        } else {
            due = false
        }
        guard due else { return [] }
        if warnedAt[m] == nil {
            warnedAt[m] = now
            warnings += 1
        }
        guard !ordered[m] else { return [] }
        ordered[m] = true
        return [MaintenanceOrder(machine: m, duration: duration)]
    }

    public func learnedModel() -> [String: [Double]]? { ["failure_levels": levels] }

    public func metrics() -> [ControllerMetric] {
        let scored = correctWarnings + falseAlarms
        let failures = caught + missed
        return [
            ControllerMetric("warnings", "warnings issued", value: Double(warnings)),
            ControllerMetric("acted_on", "warnings acted on (maintenance done before a failure)",
                             value: Double(actedOn)),
            ControllerMetric("recall", "failures preceded by a warning", unit: "%",
                             value: failures > 0 ? 100 * Double(caught) / Double(failures) : 0),
            ControllerMetric("precision", "scored warnings followed by a failure within the horizon", unit: "%",
                             value: scored > 0 ? 100 * Double(correctWarnings) / Double(scored) : 0),
            ControllerMetric("lead_time", "warning lead time before a failure, mean", unit: "h",
                             value: leadTimes.isEmpty ? 0 : leadTimes.reduce(0, +) / Double(leadTimes.count) / 3600),
            ControllerMetric("failures_learned", "failures learned from", value: Double(levels.count)),
        ]
    }
}
