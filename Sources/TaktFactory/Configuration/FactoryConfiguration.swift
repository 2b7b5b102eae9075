import TaktKernel

/// Everything the factory model needs to run, with every reference resolved to an array index.
///
/// Built by the scenario loader from a YAML file (names → indices), or in code. All times are in
/// seconds. The model checks nothing here that the loader already reports with a file position;
/// `FactoryConfiguration.problems()` lists what is still impossible (for configurations built in
/// code).
public struct FactoryConfiguration: Sendable {
    /// Stations: groups of identical parallel machines with one input buffer.
    public var stations: [StationSpec]
    /// Product types and their routings.
    public var products: [ProductSpec]
    /// Purchased materials with inventories and replenishment.
    public var materials: [MaterialSpec]
    /// Where orders come from.
    public var orderSources: [OrderSourceSpec]
    /// Repair crews that breakdowns may need (a repair waits for a free crew member).
    public var repairCrews: [RepairCrewSpec] = []
    /// Worker pools: operators, technicians, inspectors.
    public var workerPools: [WorkerPoolSpec] = []
    /// Which free qualified worker takes a task.
    public var workerChoice: WorkerChoice = .firstFree
    /// Names of the defect classes parts may carry (class k + 1 in confusion matrices).
    public var defectClasses: [String] = ["defect"]
    /// Costs of scrap, rework, escaped defects and inspections.
    public var qualityCosts = QualityCosts()
    /// Costs of a preventive maintenance and of a repair after failure.
    public var maintenanceCosts = MaintenanceCosts()
    /// Sensors on machines (observable readings of hidden wear).
    public var sensors: [SensorSpec] = []
    /// Environment variables and their declared effects.
    public var environment: [EnvironmentVariable] = []
    public var effects: [EnvironmentEffect] = []
    /// Price of electricity per kWh: a constant, or the value of an environment variable.
    public var electricityPrice: ElectricityPrice = .constant(0)
    /// When released orders enter the shop.
    /// How jobs move between stations (nil: instantly).
    public var transport: TransportSpec?
    public var release: ReleasePolicy
    /// Keep a Gantt record of every operation (memory grows with the run; off for speed runs).
    public var recordGantt: Bool
    /// Stop the run once this many jobs have finished (or been scrapped), e.g. 2 million parts.
    public var stopAfterJobs: Int?
    /// Stop the run as soon as every order source is exhausted and the shop is empty (a job-shop
    /// instance: the makespan is the last completion). False for a run with a duration, which
    /// lasts its duration whatever the demand.
    public var stopsWhenDone = true
    /// The most jobs in the shop at once: past it the run stops with an error (arrivals outpace
    /// the line), instead of growing without bound. About 150 bytes each.
    public var mostJobsInShop = 5_000_000

    public init(stations: [StationSpec], products: [ProductSpec], materials: [MaterialSpec] = [],
                orderSources: [OrderSourceSpec], repairCrews: [RepairCrewSpec] = [],
                release: ReleasePolicy = .immediate, recordGantt: Bool = false, stopAfterJobs: Int? = nil) {
        self.repairCrews = repairCrews
        self.stations = stations
        self.products = products
        self.materials = materials
        self.orderSources = orderSources
        self.release = release
        self.recordGantt = recordGantt
        self.stopAfterJobs = stopAfterJobs
    }
}

/// When released orders enter the shop floor.
public enum ReleasePolicy: Sendable, Equatable {
    /// As soon as they arrive.
    case immediate
    /// CONWIP: at most `cap` jobs in the shop; further orders wait, first come first served.
    case conwip(cap: Int)
}

/// What a kWh costs.
public enum ElectricityPrice: Sendable, Equatable {
    case constant(Double)
    /// The value of environment variable `index` at the start of each metered interval.
    case variable(Int)
}
