/// Scores a maintenance controller's warnings against what followed them and against the
/// truth — the way a plant evaluates a warning system, with the simulator's secret added where a
/// plant has none.
///
/// A **warning** is a maintenance order (acted on or, for a shadow, only logged); the first one
/// for a machine since its last renewal opens an *episode*, later ones belong to it.
/// - An episode is **true** when the machine was really degrading when it opened (past the
///   potential-failure point of a `WearSpec.onset`, with wear building up) and **false** (a
///   false alarm) otherwise. Precision is the share of true episodes.
/// - A failure is **flagged H ahead** when an episode was open at least H before it; its lead
///   time is the time from the episode's start. Recall at H is the share of failures flagged H
///   ahead, over all failures and over those from degradation (a shock gives no warning).
/// - An episode ended by a maintenance before any failure was **acted on**.
struct WarningScore {
    /// The horizons reported (seconds): 6.5 h (the seed case's figure), 12 h and 24 h.
    static let horizons: [Double] = [6.5 * 3600, 12 * 3600, 24 * 3600]

    /// Start of each machine's open episode, or NaN.
    var openSince: [Double]
    var episodes = 0
    var trueEpisodes = 0
    var actedOn = 0
    var failures = 0
    var degradationFailures = 0
    var flagged: [Int]
    var flaggedDegradation: [Int]
    var leadTimes: [Double] = []
    /// Truth: the P–F interval (failure time minus the start of its degradation) of each
    /// degradation failure whose start is known.
    var warningPeriods: [Double] = []

    init(machineCount: Int) {
        openSince = Array(repeating: .nan, count: machineCount)
        flagged = Array(repeating: 0, count: Self.horizons.count)
        flaggedDegradation = flagged
    }

    /// Counts restart (the warm-up ended); open episodes stay open.
    mutating func reset() {
        let machines = openSince
        self = WarningScore(machineCount: machines.count)
        openSince = machines
    }

    /// A warning for machine `m`; `degrading` is the truth at that instant.
    mutating func warning(machine m: Int, at time: Double, degrading: Bool) {
        guard openSince[m].isNaN else { return }
        openSince[m] = time
        episodes += 1
        if degrading { trueEpisodes += 1 }
    }

    mutating func failure(machine m: Int, at time: Double, degradingSince: Double, wornOut: Bool) {
        failures += 1
        if wornOut { degradationFailures += 1 }
        if wornOut, !degradingSince.isNaN { warningPeriods.append(time - degradingSince) }
        let start = openSince[m]
        openSince[m] = .nan
        guard !start.isNaN else { return }
        let lead = time - start
        leadTimes.append(lead)
        for (k, horizon) in Self.horizons.enumerated() where lead >= horizon {
            flagged[k] += 1
            if wornOut { flaggedDegradation[k] += 1 }
        }
    }

    /// A maintenance renewed the machine: its open episode ends without a failure.
    mutating func renewal(machine m: Int) {
        if !openSince[m].isNaN { actedOn += 1 }
        openSince[m] = .nan
    }

    /// The score over a period of `period` seconds watching `machines` machines.
    func report(machines: Int, period: Double) -> WarningReport {
        WarningReport(horizons: Self.horizons, episodes: episodes, trueEpisodes: trueEpisodes, actedOn: actedOn,
                      failures: failures, degradationFailures: degradationFailures, flagged: flagged,
                      flaggedDegradation: flaggedDegradation, leadTimes: leadTimes, warningPeriods: warningPeriods,
                      machineMonths: Double(machines) * period / (30 * 86_400))
    }
}
