/// Scores a maintenance controller's warnings against what followed them — the way a plant
/// evaluates a warning system, with the simulator's truth added where a plant has none.
///
/// A **warning** is a maintenance order (acted on or, for a shadow, only logged); the first one
/// for a machine since its last renewal opens an *episode*, later ones belong to it. Read at a
/// horizon H, an episode claims "this machine fails within H":
/// - it is **correct** when the machine fails within H of the episode's start;
/// - it is a **false alarm** when the machine has not failed H after it (it failed later, was
///   renewed by a maintenance later than H, or the run ended later than H);
/// - it is **unscored** at H when a maintenance renewed the machine within H (the warning was
///   acted on, so whether the failure would have come is unknown) or the run ended within H.
///
/// A failure is **flagged** at H when an episode opened within the H before it; its lead time
/// is the time from the episode's start. Failures are split by their true cause: degradation
/// (wear, with its warning period) or a random shock, which no sensor announces.
struct WarningScore {
    /// The horizons reported (seconds): 6.5 h (the seed case's figure), 12 h and 24 h.
    static let horizons: [Double] = [6.5 * 3600, 12 * 3600, 24 * 3600]

    /// Start of each machine's open episode, or NaN.
    var openSince: [Double]
    var episodes = 0
    var correct: [Int]
    var falseAlarms: [Int]
    var unscored: [Int]
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
        let zeros = Array(repeating: 0, count: Self.horizons.count)
        correct = zeros
        falseAlarms = zeros
        unscored = zeros
        flagged = zeros
        flaggedDegradation = zeros
    }

    /// Counts restart (the warm-up ended); open episodes stay open.
    mutating func reset() {
        let machines = openSince
        self = WarningScore(machineCount: machines.count)
        openSince = machines
    }

    mutating func warning(machine m: Int, at time: Double) {
        guard openSince[m].isNaN else { return }
        openSince[m] = time
        episodes += 1
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
        for (k, horizon) in Self.horizons.enumerated() {
            if lead <= horizon {
                correct[k] += 1
                flagged[k] += 1
                if wornOut { flaggedDegradation[k] += 1 }
            } else {
                falseAlarms[k] += 1
            }
        }
    }

    /// A maintenance renewed the machine: its open episode ends without a failure.
    mutating func renewal(machine m: Int, at time: Double) {
        let start = openSince[m]
        openSince[m] = .nan
        guard !start.isNaN else { return }
        close(age: time - start)
    }

    mutating func close(age: Double) {
        for (k, horizon) in Self.horizons.enumerated() {
            if age > horizon { falseAlarms[k] += 1 } else { unscored[k] += 1 }
        }
    }

    /// The score at `time` (the end of the period): open episodes are read as if the run ended.
    func report(at time: Double, machines: Int, period: Double) -> WarningReport {
        var final = self
        for start in openSince where !start.isNaN { final.close(age: time - start) }
        return WarningReport(horizons: Self.horizons, episodes: episodes, correct: final.correct,
                             falseAlarms: final.falseAlarms, unscored: final.unscored, failures: failures,
                             degradationFailures: degradationFailures, flagged: flagged,
                             flaggedDegradation: flaggedDegradation, leadTimes: leadTimes,
                             warningPeriods: warningPeriods, machineMonths: Double(machines) * period / (30 * 86_400))
    }
}
