import Foundation

/// Who wrote a result file and from what (root attributes and /scenario).
public struct ResultMetadata: Sendable {
    public var taktVersion: String
    public var gitCommit: String
    public var scenarioName: String
    public var scenarioFile: String
    public var seed: UInt64
    public var replications: Int
    public var variant: String
    public var created: Date
    public var host: String
    public var sourceYAML: String
    public var resolvedJSON: String
    /// The date and time that is time 0 (ISO 8601, the scenario's `run.start`), or nil; written
    /// as the root attribute `start_time` only when given.
    public var startTime: String? = nil

    public init(taktVersion: String, gitCommit: String, scenarioName: String, scenarioFile: String, seed: UInt64,
                replications: Int, variant: String, created: Date, host: String, sourceYAML: String,
                resolvedJSON: String) {
        self.taktVersion = taktVersion
        self.gitCommit = gitCommit
        self.scenarioName = scenarioName
        self.scenarioFile = scenarioFile
        self.seed = seed
        self.replications = replications
        self.variant = variant
        self.created = created
        self.host = host
        self.sourceYAML = sourceYAML
        self.resolvedJSON = resolvedJSON
    }
}

/// The id → name tables of a result file (/lookup).
public struct ResultLookups: Sendable {
    public var stations: [(name: String, machines: Int)]
    public var machines: [(name: String, station: Int)]
    public var products: [String]
    public var materials: [String]
    public var timeseriesColumns: [String]
    public var timeseriesUnits: [String]
    /// Sensor names, by sensor id.
    public var sensors: [String]
    /// Operations by route index (flat over products): "product/operation", product id, and the
    /// step (index in the product's routing).
    public var operations: [(name: String, product: Int, step: Int)]
    /// Recipe parameters, one per (route index, index in the operation's recipe).
    public var parameters: [(operation: Int, parameter: Int, name: String, unit: String, minimum: Double,
                             maximum: Double)]
    /// Defect class names; verdict or class k ≥ 1 is `defectClasses[k - 1]`.
    public var defectClasses: [String]

    public init(stations: [(name: String, machines: Int)], machines: [(name: String, station: Int)], products: [String],
                materials: [String], timeseriesColumns: [String], timeseriesUnits: [String], sensors: [String] = [],
                operations: [(name: String, product: Int, step: Int)] = [],
                parameters: [(operation: Int, parameter: Int, name: String, unit: String, minimum: Double,
                              maximum: Double)] = [],
                defectClasses: [String] = []) {
        self.sensors = sensors
        self.operations = operations
        self.parameters = parameters
        self.defectClasses = defectClasses
        self.stations = stations
        self.machines = machines
        self.products = products
        self.materials = materials
        self.timeseriesColumns = timeseriesColumns
        self.timeseriesUnits = timeseriesUnits
    }
}

/// One KPI of one replication.
public struct ResultKPI: Sendable {
    public var name: String, label: String, unit: String, value: Double
    public init(name: String, label: String, unit: String, value: Double) {
        self.name = name
        self.label = label
        self.unit = unit
        self.value = value
    }
}

/// A row of /summary/kpis.
public struct SummaryKPIRow: Sendable {
    public var variant: String, replication: Int, kpi: String, unit: String, value: Double
    public init(variant: String, replication: Int, kpi: String, unit: String, value: Double) {
        self.variant = variant
        self.replication = replication
        self.kpi = kpi
        self.unit = unit
        self.value = value
    }
}

/// A row of /summary/intervals.
public struct SummaryIntervalRow: Sendable {
    public var variant: String, kpi: String, unit: String
    public var mean: Double, halfWidth: Double, lower: Double, upper: Double, level: Double, n: Int
    public init(variant: String, kpi: String, unit: String, mean: Double, halfWidth: Double, lower: Double,
                upper: Double,
                level: Double, n: Int) {
        self.variant = variant
        self.kpi = kpi
        self.unit = unit
        self.mean = mean
        self.halfWidth = halfWidth
        self.lower = lower
        self.upper = upper
        self.level = level
        self.n = n
    }
}

/// How a run ended.
public enum CompletionStatus: String, Sendable {
    /// Every replication ran to its limits.
    case complete
    /// Stopped early on request (Ctrl-C, SIGTERM); what ran is kept.
    case interrupted
    /// An error stopped it; the file stays `.partial`.
    case failed
}
