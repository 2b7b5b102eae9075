/// How a maintenance controller's warnings fared over a period (see `WarningScore` for the
/// rules): episodes, how many were true (the machine was really degrading), failures flagged at
/// least H ahead per horizon, lead times and, from the truth, the P–F intervals.
/// (`package`: it is built with the hidden state of each machine; KPIs are made in-package.)
package struct WarningReport: Sendable {
    /// Horizons (seconds), in the order of the per-horizon arrays.
    package var horizons: [Double]
    package var episodes: Int
    package var trueEpisodes: Int
    package var actedOn: Int
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

    /// True over all episodes (nil without any).
    package var precision: Double? { episodes > 0 ? Double(trueEpisodes) / Double(episodes) : nil }

    /// Failures flagged at least `horizons[k]` ahead, over all failures (nil without failures).
    package func recall(_ k: Int) -> Double? {
        failures > 0 ? Double(flagged[k]) / Double(failures) : nil
    }

    /// The same over degradation failures (nil without any).
    package func degradationRecall(_ k: Int) -> Double? {
        degradationFailures > 0 ? Double(flaggedDegradation[k]) / Double(degradationFailures) : nil
    }
}
