import TaktFactory
import TaktKernel

/// Process-parameter quality optimisation that learns from observations only: the actual
/// parameter values logged when an operation runs (`PlantEvent.processed`), the inspection
/// verdicts on the same parts (`PlantEvent.inspected`, joined by job serial; a reworked part
/// counts with its latest values) and, optionally, the measured environment. It never sees a
/// part's true defect or the quality model.
///
/// - **Model.** A logistic regression of "rejected" on each recipe parameter standardised by
///   its allowed range, z = (x − mid) / half-range ∈ [−1, 1], and its square z² (so an optimum
///   inside the range can be found), plus the environment variables as uncontrolled features,
///   learned recursively from every labelled part (`OnlineLogisticRegression`; L2 penalty
///   `penalty` on every coefficient). An environment variable enters at the first decision after
///   it has varied, standardised by the mean and standard deviation seen until then. Verdicts
///   are noisy: if the inspection's false-reject and detection rates are known
///   (`Settings.falseRejectRate`, `detectionRate`, e.g. from a gauge study), the model learns
///   the true defect log-odds through that noise; otherwise it takes verdicts at face value,
///   and its effects come out attenuated (false rejects put a floor under the reject rate).
/// - **Screening.** A parameter is tuned only once the data reject "it has no effect" (Wald
///   test on its two coefficients at level `screening`, strict by default because the test is
///   repeated at every decision); until then its setpoint stays put and is explored with the
///   larger amplitude `screeningExploration`, to settle the question sooner. Parameters that do
///   not matter are thus left alone rather than wandering on noise.
/// - **Exploration.** From the first part, every `hold` parts each parameter independently
///   moves to incumbent − a, incumbent or incumbent + a (equally likely; a = the amplitude ×
///   range), clamped into the range: an orthogonal design with three levels for the curvature.
///   Draws come from the controller's own generator, seeded at creation.
/// - **Optimisation.** After `warmUp` labels, every `updateEvery` labels each screened-in
///   parameter's incumbent moves to the minimiser of its predicted log-odds contribution within
///   a trust region of ± `stepLimit` × range (exact: the model is additive, so the minimisation
///   separates into one quadratic on an interval per parameter), provided the predicted gain
///   exceeds `evidence` standard errors.
/// - **Forgetting.** With `memory` N > 0 each label's weight decays by 1 − 1/N per later label,
///   so the model follows a process that drifts (tool wear, a new material) instead of averaging
///   over its whole past; the price is noisier estimates (about N labels' worth of data).
/// - **Reporting.** `metrics()` gives each parameter's learned effect over the span it explored,
///   its standard error and rank, the screening evidence, the incumbent setpoints and the labels
///   used; `ranking` lists the parameters by learned effect.
///
/// Setpoints it asks for never leave the recipe's ranges; parameters without a finite range are
/// left alone. As a shadow controller its perturbations are not applied, so it learns only from
/// the natural spread of the actual values. Cost: O(d²) per labelled part for d = 2·parameters + environment
/// variables + 1 coefficients, O(parameters) per processed part, nothing that grows with the run.
public struct ProcessOptimiser: QualityController {
    public var name: String { "optimise" }

    /// The operation (route index) whose recipe it tunes.
    public let operation: Int
    /// The inspecting operation (route index) whose verdicts label the parts.
    public let inspection: Int
    public let settings: Settings

    var random: Xoshiro256StarStar
    var ready = false
    var parameterNames: [String] = []
    var units: [String] = []
    var environmentNames: [String] = []
    /// The environment as measured at processed parts, until its scale is fixed (`update()`).
    var environmentSeen: [Tally] = []
    /// Centre and scale that standardise each environment variable (scale 0: not yet fixed,
    /// and the variable is not used).
    var environmentCentre: [Double] = []
    var environmentScale: [Double] = []
    var minimum: [Double] = []
    var maximum: [Double] = []
    var tunable: [Bool] = []
    /// The recipe it currently believes best (exploration perturbs around it).
    var incumbent: [Double] = []
    /// Parameters the screening test has found to matter (tuned; the others stay put).
    var screened: [Bool] = []
    /// The current perturbation of each parameter: −1, 0 or +1 amplitudes.
    var offsets: [Double] = []
    /// The setpoints it has asked for, per parameter (their least and greatest: the explored span).
    var explored: [Tally] = []
    var regression = OnlineLogisticRegression(featureCount: 0, penalties: [])
    var pending = PendingParts(width: 0, capacity: 1)
    var row: [Double] = []
    var processedParts = 0
    /// Labelled parts learned from, model updates (setpoint decisions) made, and setpoint moves.
    public internal(set) var labels = 0
    public internal(set) var updates = 0
    public internal(set) var moves = 0

    /// - Parameters:
    ///   - operation: route index of the operation whose recipe it tunes.
    ///   - inspection: route index of the inspection whose verdicts it learns from.
    ///   - seed: seeds its exploration generator (derive it from the run's streams for common
    ///     random numbers across variants).
    public init(operation: Int, inspection: Int, seed: UInt64, settings: Settings = Settings()) {
        self.operation = operation
        self.inspection = inspection
        self.settings = settings
        random = Xoshiro256StarStar(seed: seed)
    }

    public mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [SetpointChange] {
        switch event {
        case .processed(let job, let route, _, _, let parameters) where route == operation:
            if !ready && !setUp(plant) { return [] }
            pending.store(job, parameters, settings.useEnvironment ? plant.environment : [])
            for e in environmentSeen.indices where environmentScale[e] == 0 {
                environmentSeen[e].record(plant.environment[e])
            }
            processedParts += 1
            guard processedParts % settings.hold == 0 else { return [] }
            explore()
            return changes(plant)
        case .inspected(let result) where Int(result.operation) == inspection:
            guard ready, let slot = pending.take(result.job) else { return [] }
            learn(slot, rejected: result.verdict != 0)
            guard labels >= settings.warmUp, (labels - settings.warmUp) % settings.updateEvery == 0 else { return [] }
            update()
            return changes(plant)
        default:
            return []
        }
    }

    /// Reads the recipe's names, ranges and current setpoints on the first event.
    mutating func setUp(_ plant: PlantObservation) -> Bool {
        guard plant.layout.operations.indices.contains(operation), plant.setpoints.indices.contains(operation)
        else { return false }
        let parameters = plant.layout.operations[operation].parameters
        guard !parameters.isEmpty, plant.setpoints[operation].count == parameters.count else { return false }
        parameterNames = parameters.map(\.name)
        units = parameters.map(\.unit)
        minimum = parameters.map(\.minimum)
        maximum = parameters.map(\.maximum)
        tunable = parameters.map { $0.minimum.isFinite && $0.maximum.isFinite && $0.maximum > $0.minimum }
        incumbent = plant.setpoints[operation]
        screened = Array(repeating: settings.screening >= 1, count: parameters.count)
        offsets = Array(repeating: 0, count: parameters.count)
        explored = incumbent.map { value in
            var tally = Tally()
            tally.record(value)
            return tally
        }
        environmentNames = settings.useEnvironment ? plant.layout.environmentVariables : []
        let environmentCount = settings.useEnvironment ? plant.environment.count : 0
        environmentSeen = Array(repeating: Tally(), count: environmentCount)
        environmentCentre = Array(repeating: 0, count: environmentCount)
        environmentScale = Array(repeating: 0, count: environmentCount)
        let features = 2 * parameters.count + environmentCount
        regression = OnlineLogisticRegression(featureCount: features, penalties: [settings.penalty],
                                              floor: settings.falseRejectRate, ceiling: settings.detectionRate,
                                              forgetting: settings.memory > 0 ? 1 - 1 / Double(settings.memory) : 1)
        pending = PendingParts(width: parameters.count + environmentCount, capacity: settings.pendingCapacity)
        row = Array(repeating: 0, count: features)
        ready = true
        return true
    }

    /// Draws the next perturbation: −1, 0 or +1 amplitudes per tunable parameter.
    mutating func explore() {
        for k in offsets.indices where tunable[k] {
            offsets[k] = Double(Int(random.next() % 3) - 1)
        }
    }

    /// The setpoint now wanted for parameter `k`: incumbent plus perturbation, within range.
    func target(_ k: Int) -> Double {
        guard tunable[k] else { return incumbent[k] }
        let amplitude = screened[k] ? settings.exploration : settings.screeningExploration
        let value = incumbent[k] + offsets[k] * amplitude * (maximum[k] - minimum[k])
        return min(maximum[k], max(minimum[k], value))
    }

    /// Changes for the parameters whose wanted setpoint differs from the plant's; notes them in
    /// the explored span.
    mutating func changes(_ plant: PlantObservation) -> [SetpointChange] {
        var result: [SetpointChange] = []
        let current = plant.setpoints[operation]
        for k in incumbent.indices where tunable[k] {
            let value = target(k)
            if value != current[k] {
                result.append(SetpointChange(operation: operation, parameter: k, value: value))
                explored[k].record(value)
            }
        }
        return result
    }
}
