import TaktKernel
import TaktScenario
import Yams

/// A parameter sweep, read from its file (docs/sweep-format.md): a base scenario, the
/// parameters to vary and the design that picks their values, expanded into numbered points.
///
/// Runs are numbered point × replication: run `r` is replication `r % replications` of point
/// `r / replications`, with a seed derived from the sweep seed, the point and the replication
/// only (`seed(point:replication:)`), so a run's results depend on nothing but the sweep file and
/// its index — not on the number of jobs, the array task that runs it, or the chunk size.
///
/// Immutable once loaded. It holds YAML nodes (positions for error messages), which are not
/// thread-safe: only `PointScenarios` touches them after loading, under its lock.
public struct Sweep: @unchecked Sendable {
    /// A short name for reports.
    public var name: String
    /// The sweep file, as given.
    public var file: String
    /// The sweep file's text.
    public var sourceText: String
    /// The base scenario file (resolved against the sweep file's folder) and its text.
    public var scenarioFile: String
    public var scenarioText: String
    /// The base scenario with the `fixed` values set (what a point changes).
    public var baseScenario: Scenario
    /// The sweep seed (default: the scenario's run.seed).
    public var seed: UInt64
    /// Replications per point (default: the scenario's run.replications).
    public var replications: Int
    /// Whether points share their random numbers.
    public var randomNumbers: RandomNumberPolicy
    /// The parameters, in file order (the order of columns and of grid nesting).
    public var parameters: [SweepParameter]
    /// How points are chosen.
    public var design: SweepDesign
    /// What each run records in its file.
    public var record: SweepRecording
    /// KPIs for the merged table, with their positions (empty: all).
    public var kpis: [LocatedName]
    /// The output folder from the file (resolved), if it names one.
    public var output: String?
    /// The expanded design.
    public var points: [SweepPoint]

    /// Values set in every point, before the parameters.
    var fixed: [ScenarioOverride]
    /// The base scenario's text composed once; every point is read from it.
    var template: ScenarioTemplate
    /// Where to report a problem that belongs to a whole point (the `parameters` or `design` key).
    var pointsMark: Mark?

    /// Runs in the sweep: points × replications.
    public var runCount: Int { points.count * replications }

    /// The point and replication of run `index`.
    public func run(_ index: Int) -> (point: Int, replication: Int) {
        precondition(index >= 0 && index < runCount, "run index \(index) outside 0..<\(runCount)")
        return (index / replications, index % replications)
    }

    /// The run index of replication `replication` of point `point`.
    public func runIndex(point: Int, replication: Int) -> Int { point * replications + replication }

    /// The seed of a run:
    ///
    /// ```
    /// base  = mix(sweep seed ^ fnv1a64("sweep"))
    /// p     = independent: mix(base ^ fnv1a64("point") ^ point)    common: base
    /// seed  = mix(p ^ fnv1a64("replication") ^ replication)
    /// ```
    ///
    /// The run then uses `RandomStreams(seed:).replication(0)`. With `random_numbers: common`
    /// replication k of every point draws the same numbers (common random numbers across points).
    public func seed(point: Int, replication: Int) -> UInt64 {
        let base = SplitMix64.mix(seed ^ RandomStreams.fnv1a64("sweep"))
        let perPoint = randomNumbers == .common ? base
            : SplitMix64.mix(base ^ RandomStreams.fnv1a64("point") ^ UInt64(point))
        return SplitMix64.mix(perPoint ^ RandomStreams.fnv1a64("replication") ^ UInt64(replication))
    }

    /// A fingerprint of everything a run's results depend on: the scenario text, the fixed values,
    /// every point's values, the seeds and the recording. Runs in an output folder belong to the
    /// sweep with the same fingerprint; KPI selection and names do not count.
    public var fingerprint: String {
        var text = "takt-sweep-1\n\(scenarioText)\n"
        for override in fixed { text += "fixed \(override.path)=\(Self.canonical(override.value))\n" }
        text += "seed \(seed) replications \(replications) random \(randomNumbers.rawValue) record \(record.rawValue)\n"
        text += "parameters " + parameters.map(\.name).joined(separator: "|") + "\n"
        for point in points { text += point.values.map(\.text).joined(separator: "|") + "\n" }
        let hash = RandomStreams.fnv1a64(text)
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    /// A node's content in a canonical text (for the fingerprint).
    static func canonical(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string
        case .mapping(let mapping):
            return "{" + mapping.map { canonical($0.key) + ":" + canonical($0.value) }.joined(separator: ",") + "}"
        case .sequence(let sequence): return "[" + sequence.map(canonical).joined(separator: ",") + "]"
        case .alias: return "*"
        }
    }
}

/// Whether the points of a sweep share random numbers.
public enum RandomNumberPolicy: String, Sendable {
    /// Every run has its own seed, from the sweep seed, its point and its replication.
    case independent
    /// Replication k of every point uses the same seed: differences between points are not
    /// blurred by sampling noise (common random numbers), but points are not independent.
    case common
}

/// What each run of a sweep records in its HDF5 file.
public enum SweepRecording: String, Sendable {
    /// The scenario and the KPIs only (default: small files, little overhead).
    case kpis
    /// What the scenario's `recording:` asks for (by default events, Gantt, jobs, states, samples).
    case standard
    /// Everything, including every event kind.
    case all
}

/// A name written in the sweep file, with its position (for later checks, such as KPI names).
public struct LocatedName: Sendable, Equatable {
    public var name: String
    public var line: Int
    public var column: Int
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
