import TaktKernel

/// A station: `machines` identical parallel machines fed by one input buffer.
public struct StationSpec: Sendable {
    /// Unique name, e.g. "weld". Random streams of its machines are named "<name>/<k>".
    public var name: String
    /// Number of parallel machines (≥ 1).
    public var machines: Int
    /// Jobs that may wait in the input buffer (excluding those on machines); nil = unlimited.
    /// A full buffer blocks the upstream machine after service (it holds its finished job).
    public var bufferCapacity: Int?
    /// How a free machine picks among waiting jobs.
    public var dispatch: DispatchRule
    /// Sequence-dependent setup, if any.
    public var setup: SetupSpec?
    /// Batch processing (an oven), if any.
    public var batch: BatchSpec?
    /// Time to load a job onto a machine before processing (part of the busy time).
    public var loadTime: Distribution?
    /// Time to unload a job after processing (part of the busy time).
    public var unloadTime: Distribution?
    /// Random breakdowns, if any.
    public var breakdowns: BreakdownSpec?
    /// Planned maintenance windows (every machine of the station).
    public var maintenance: [MaintenanceWindow]
    /// Power draw of each machine by state, in kW, indexed by `MachineState.rawValue` (nil: not metered).
    public var powerKW: [Double]?
    /// Working time (nil: always working).
    public var calendar: ShiftCalendar?
    /// Hidden wear with threshold failures (repairs use `breakdowns`' repair time and crew).
    public var wear: WearSpec?
    /// When a machine needs a qualified worker (`WorkerPoolSpec`) present (nil: never). Without
    /// one it waits; it is off shift while no qualified worker is at work.
    public var operators: OperatorNeed?

    public init(name: String, machines: Int = 1, bufferCapacity: Int? = nil, dispatch: DispatchRule = .fifo,
                setup: SetupSpec? = nil, batch: BatchSpec? = nil, loadTime: Distribution? = nil,
                unloadTime: Distribution? = nil, breakdowns: BreakdownSpec? = nil,
                maintenance: [MaintenanceWindow] = []) {
        self.name = name
        self.machines = machines
        self.bufferCapacity = bufferCapacity
        self.dispatch = dispatch
        self.setup = setup
        self.batch = batch
        self.loadTime = loadTime
        self.unloadTime = unloadTime
        self.breakdowns = breakdowns
        self.maintenance = maintenance
    }
}

/// Sequence-dependent setup times between product families.
public struct SetupSpec: Sendable {
    /// `times[from][to]`: setup when a machine last set up for family `from` takes a job of
    /// family `to` (nil: no setup). Families are indices into `families`.
    public var times: [[Distribution?]]
    /// Family names, for reports.
    public var families: [String]
    /// Setup for the first job on a machine that has never been set up (nil: none).
    public var initial: [Distribution?]

    public init(families: [String], times: [[Distribution?]], initial: [Distribution?]? = nil) {
        self.families = families
        self.times = times
        self.initial = initial ?? Array(repeating: nil, count: families.count)
    }
}

/// Batch processing: a machine processes up to `maxSize` jobs of one family at once.
public struct BatchSpec: Sendable {
    /// Largest batch.
    public var maxSize: Int
    /// Smallest batch worth starting.
    public var minSize: Int
    /// A batch of at least `minSize` starts once its oldest job has waited this long (seconds).
    public var maxWait: Double

    public init(maxSize: Int, minSize: Int = 1, maxWait: Double = 0) {
        self.maxSize = maxSize
        self.minSize = minSize
        self.maxWait = maxWait
    }
}

/// Random failures of each machine of a station.
public struct BreakdownSpec: Sendable {
    /// Time to failure.
    public var timeToFailure: Distribution
    /// Whether time to failure counts operating (busy) time only, or calendar time.
    public var basis: FailureBasis
    /// Repair duration.
    public var repairTime: Distribution
    /// What happens to an interrupted step after repair.
    public var afterRepair: InterruptedStep
    /// The repair crew needed (index into `FactoryConfiguration.repairCrews`); nil: repair starts at once.
    public var crew: Int?
    /// The repair waits for a worker with the `repair` skill (`WorkerPoolSpec`), instead of a crew.
    public var byTechnician: Bool = false

    public init(timeToFailure: Distribution, basis: FailureBasis = .operatingTime, repairTime: Distribution,
                afterRepair: InterruptedStep = .resume, crew: Int? = nil) {
        self.timeToFailure = timeToFailure
        self.basis = basis
        self.repairTime = repairTime
        self.afterRepair = afterRepair
        self.crew = crew
    }
}

/// What clock a time to failure runs on.
public enum FailureBasis: String, Sendable {
    /// Only while the machine processes (wear by use).
    case operatingTime = "operating"
    /// Always, whatever the machine does.
    case calendarTime = "calendar"
}

/// What becomes of a step interrupted by a failure.
public enum InterruptedStep: String, Sendable {
    /// It continues with its remaining time.
    case resume
    /// It starts again from the beginning (the work done is lost).
    case restart
}

/// Planned downtime: from `start`, every `period` (nil: once), for `duration`. A machine busy at
/// the start finishes its step first.
public struct MaintenanceWindow: Sendable, Equatable {
    public var start: Double
    public var duration: Double
    public var period: Double?

    public init(start: Double, duration: Double, period: Double? = nil) {
        self.start = start
        self.duration = duration
        self.period = period
    }
}
