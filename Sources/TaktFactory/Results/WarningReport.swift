/// How a maintenance controller's warnings fared over a period (see `WarningScore` for the
/// rules): per horizon, correct warnings, false alarms, unscored ones and flagged failures; the
/// lead times; and, from the truth, which failures came from degradation and their P–F intervals.
/// (`package`: it is built with the hidden cause of each failure; KPIs are made in-package.)
package struct WarningReport: Sendable {
    /// Horizons (seconds), in the order of the per-horizon arrays.
    package var horizons: [Double]
    package var episodes: Int
    package var correct: [Int]
    package var falseAlarms: [Int]
    package var unscored: [Int]
    package var failures: Int
    package var degradationFailures: Int
    package var flagged: [Int]
    package var flaggedDegradation: [Int]
    /// Seconds from each flagged failure's first warning to the failure.
    package var leadTimes: [Double]
    /// Seconds from the start of each degradation to its failure (truth).
    package var warningPeriods: [Double]
    /// Machine-months watched (machines with failures or wear × the period).
    package var machineMonths: Double

    /// Correct over scored warnings at horizon `k` (nil when none was scored).
    package func precision(_ k: Int) -> Double? {
        let scored = correct[k] + falseAlarms[k]
        return scored > 0 ? Double(correct[k]) / Double(scored) : nil
    }

    /// Flagged over all failures at horizon `k` (nil without failures).
    package func recall(_ k: Int) -> Double? {
        failures > 0 ? Double(flagged[k]) / Double(failures) : nil
    }

    /// Flagged over degradation failures at horizon `k` (nil without any).
    package func degradationRecall(_ k: Int) -> Double? {
        degradationFailures > 0 ? Double(flaggedDegradation[k]) / Double(degradationFailures) : nil
    }
}
