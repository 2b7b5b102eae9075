import TaktFactory

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Predictive maintenance with a health model, a remaining-useful-life estimate with its
/// uncertainty, and cost-aware alarms — learned from observations only (one sensor's readings,
/// failures, repairs, maintenance and the plant's prices).
///
/// - **Normal behaviour.** Readings in the first `baselineHours` after each renewal, pooled over
///   machines, give the healthy mean μ and spread σ of the sensor.
/// - **Detection.** Per machine, an EWMA of the standardised residual (x − μ)/σ with weight λ;
///   degradation is detected when it exceeds `limit` times its stationary spread √(λ/(2 − λ)).
///   From then on a least-squares line is fitted through the machine's last `window` readings.
/// - **Failure level.** At each failure of a machine whose degradation was detected, the line's
///   value then is noted; their mean m and spread s are the learned failure level.
/// - **Prognosis.** At each reading, with the line's value v and standard error e a lead Δ ahead
///   (Δ: the reading interval plus the observed delay from an order to the maintenance start),
///   P(fail within Δ) = Φ((v − m)/√(s² + e²)).
/// - **Cost-aware alarm.** Maintaining now costs c_p; waiting Δ risks P·(c_f − c_p) and gains Δ
///   of use worth g·Δ, g the watched machines' observed cost per machine-hour so far (repairs,
///   maintenance and downtime at the plant's prices). It orders maintenance when
///   P·(c_f − c_p) ≥ g·Δ·(1 − P). Until `minimumFailures` levels are known it only watches.
public struct PrognosticMaintenance: MaintenanceController {
    public var name: String { "prognostic" }
    public let sensor: Int
    public let duration: Double
    public let economics: MaintenanceEconomics
    public let baselineHours: Double
    public let smoothing: Double
    public let limit: Double
    public let minimumFailures: Int
    /// The machines it looks after (global indices).
    public let machines: Set<Int>

    var renewedAt: [Double]
    var ewma: [Double]
    var detected: [Bool]
    var trends: [LinearTrend]
    var ordered: [Bool]
    var orderedAt: [Double]
    var failedAt: [Double]
    // the healthy baseline (Welford)
    var baselineCount = 0.0
    var baselineMean = 0.0
    var baselineM2 = 0.0
    var levels: [Double]
    var lastReadingAt: [Double]
    var readingInterval = 0.0
    var orderDelays: [Double] = []
    // observed cost rate
    var repairTotal = 0.0
    var repairs = 0
    var maintenances = 0
    var failures = 0
    var detections = 0
    var warnings = 0
    var watchedSince = 0.0

    /// - Parameters:
    ///   - sensor: the sensor it reads.
    ///   - duration: length of one maintenance (seconds).
    ///   - economics: the plant's prices for maintenance, repairs and downtime.
    ///   - machines: the machines it looks after (global indices).
    ///   - machineCount: machines in the plant.
    ///   - baselineHours: hours after a renewal whose readings count as healthy.
    ///   - smoothing: the EWMA weight λ (0–1).
    ///   - limit: the detection limit, in EWMA standard deviations.
    ///   - window: readings in the degradation trend.
    ///   - minimumFailures: failure levels to learn before acting.
    ///   - knownFailureLevels: levels learned in an earlier run (a warm start).
    public init(sensor: Int, duration: Double, economics: MaintenanceEconomics, machines: [Int], machineCount: Int,
                baselineHours: Double = 24, smoothing: Double = 0.2, limit: Double = 3, window: Int = 24,
                minimumFailures: Int = 3, knownFailureLevels: [Double] = []) {
        self.sensor = sensor
        self.duration = duration
        self.economics = economics
        self.machines = Set(machines)
        self.baselineHours = baselineHours
        self.smoothing = smoothing
        self.limit = limit
        self.minimumFailures = minimumFailures
        levels = knownFailureLevels
        renewedAt = Array(repeating: 0, count: machineCount)
        ewma = Array(repeating: 0, count: machineCount)
        detected = Array(repeating: false, count: machineCount)
        trends = Array(repeating: LinearTrend(capacity: window), count: machineCount)
        ordered = Array(repeating: false, count: machineCount)
        orderedAt = Array(repeating: .nan, count: machineCount)
        failedAt = Array(repeating: .nan, count: machineCount)
        lastReadingAt = Array(repeating: .nan, count: machineCount)
    }

    /// The healthy mean and standard deviation (nil until 30 baseline readings).
    public var baseline: (mean: Double, sd: Double)? {
        guard baselineCount >= 30 else { return nil }
        return (baselineMean, (baselineM2 / (baselineCount - 1)).squareRoot())
    }

    /// The learned failure level: mean and spread (nil until `minimumFailures`).
    public var failureLevel: (mean: Double, sd: Double)? {
        guard levels.count >= minimumFailures else { return nil }
        let mean = levels.reduce(0, +) / Double(levels.count)
        let variance = levels.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(levels.count - 1)
        return (mean, variance.squareRoot())
    }

    public mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] {
        switch event {
        case .reading(let reading):
            let m = Int(reading.machine)
            guard Int(reading.sensor) == sensor, machines.contains(m), !reading.value.isNaN else { return [] }
            if !lastReadingAt[m].isNaN { readingInterval = max(readingInterval, reading.time - lastReadingAt[m]) }
            lastReadingAt[m] = reading.time
            return read(m, value: reading.value, at: reading.time, state: plant.machineStates[m], plant: plant)
        case .failure(let m, let time) where machines.contains(m):
            failures += 1
            failedAt[m] = time
            if detected[m], let line = trends[m].fit(at: time) { levels.append(line.value) }
        case .repaired(let m, let time) where machines.contains(m):
            if !failedAt[m].isNaN {
                repairTotal += time - failedAt[m]
                repairs += 1
                failedAt[m] = .nan
            }
            renew(m, at: time)
        case .maintained(let m, let time) where machines.contains(m):
            maintenances += 1
            if !orderedAt[m].isNaN { orderDelays.append(max(0, time - duration - orderedAt[m])) }
            renew(m, at: time)
        default:
            break
        }
        return []
    }

    mutating func renew(_ m: Int, at time: Double) {
        renewedAt[m] = time
        ewma[m] = 0
        detected[m] = false
        trends[m].removeAll()
        ordered[m] = false
        orderedAt[m] = .nan
    }

    mutating func read(_ m: Int, value: Double, at time: Double, state: MachineState,
                       plant: PlantObservation) -> [MaintenanceOrder] {
        if !detected[m] && time - renewedAt[m] <= baselineHours * 3600 {
            baselineCount += 1
            let delta = value - baselineMean
            baselineMean += delta / baselineCount
            baselineM2 += delta * (value - baselineMean)
        }
        guard let healthy = baseline, healthy.sd > 0 else { return [] }
        if !detected[m] {
            ewma[m] = smoothing * (value - healthy.mean) / healthy.sd + (1 - smoothing) * ewma[m]
            guard ewma[m] > limit * (smoothing / (2 - smoothing)).squareRoot() else { return [] }
            detected[m] = true
            detections += 1
        }
        trends[m].add(time: time, value: value)
        guard !ordered[m], state != .down, let level = failureLevel else { return [] }
        let delay = orderDelays.isEmpty ? 0 : orderDelays.reduce(0, +) / Double(orderDelays.count)
        let lead = readingInterval + delay
        guard let ahead = trends[m].prediction(at: time + lead) else { return [] }
        let spread = (level.sd * level.sd + ahead.standardError * ahead.standardError).squareRoot()
        let p = spread > 0 ? 0.5 * erfc(-(ahead.value - level.mean) / (spread * 2.0.squareRoot()))
            : (ahead.value >= level.mean ? 1 : 0)
        let repairTime = repairs > 0 ? repairTotal / Double(repairs) : 0
        let cp = economics.maintenanceCost(duration: duration), cf = economics.failureCost(repairTime: repairTime)
        let machineHours = Double(machines.count) * max(time - watchedSince, 3600) / 3600
        let spent = cf * Double(failures) + cp * Double(maintenances)
        let costPerHour = max(spent, cf) / machineHours
        guard p * (cf - cp) >= costPerHour * lead / 3600 * (1 - p) else { return [] }
        ordered[m] = true
        orderedAt[m] = time
        warnings += 1
        return [MaintenanceOrder(machine: m, duration: duration)]
    }

    public func learnedModel() -> [String: [Double]]? { ["failure_levels": levels] }

    public func metrics() -> [ControllerMetric] {
        [
            ControllerMetric("warnings", "maintenance orders (warnings)", value: Double(warnings)),
            ControllerMetric("detections", "degradations detected by the health model", value: Double(detections)),
            ControllerMetric("failures_learned", "failure levels learned", value: Double(levels.count)),
            ControllerMetric("baseline_mean", "healthy sensor mean learned", value: baseline?.mean ?? 0),
            ControllerMetric("baseline_sd", "healthy sensor spread learned", value: baseline?.sd ?? 0),
            ControllerMetric("failure_level", "learned failure level (sensor)", value: failureLevel?.mean ?? 0),
        ]
    }
}
