// The HDF5 layout these rows are written to is specified in docs/hdf5-layout.md.
/// One logged event. Plain data with a fixed layout (an HDF5 compound row); ids are -1 where
/// they do not apply.
public struct EventRow: Sendable, Equatable {
    /// Simulation time (seconds).
    public var time: Double
    /// `EventKind` raw value.
    public var kind: UInt8
    /// Job serial number.
    public var job: Int64
    public var product: Int32
    /// Global machine index.
    public var machine: Int32
    public var station: Int32
    /// Worker index (part 2; -1 until workers exist).
    public var worker: Int32
    /// Material index for material events.
    public var material: Int32
    /// Row in `/lookup/parameters` for setpoint events (the recipe parameter changed).
    public var parameter: Int32
    /// A number whose meaning depends on the kind: quantity for orders and materials, the
    /// duration drawn for process and repair starts, 0 otherwise.
    public var value: Double

    public init(time: Double, kind: EventKind, job: Int64 = -1, product: Int32 = -1, machine: Int32 = -1,
                station: Int32 = -1, worker: Int32 = -1, material: Int32 = -1, parameter: Int32 = -1,
                value: Double = 0) {
        self.time = time
        self.kind = kind.rawValue
        self.job = job
        self.product = product
        self.machine = machine
        self.station = station
        self.worker = worker
        self.material = material
        self.parameter = parameter
        self.value = value
    }
}

/// One job, written when it leaves the shop (finished or scrapped).
public struct JobRow: Sendable, Equatable {
    public var job: Int64
    public var product: Int32
    public var quantity: Int32
    /// Parent job serial for a sub-assembly, else -1.
    public var parent: Int64
    /// 1 for orders (top-level jobs), 0 for sub-assemblies.
    public var isOrder: UInt8
    /// 0 finished, 1 scrapped (see `JobOutcome`).
    public var outcome: UInt8
    public var priority: Int32
    /// Rework loops the job went through.
    public var reworks: Int32
    /// Order arrival, release into the shop, first operation start, exit (seconds).
    public var arrival: Double
    public var release: Double
    public var start: Double
    public var finish: Double
    /// Due date (+∞ when none) and tardiness max(0, finish − due) (0 when no due date).
    public var due: Double
    public var tardiness: Double

    public init(job: Int64, product: Int32, quantity: Int32, parent: Int64, isOrder: UInt8, outcome: UInt8,
                priority: Int32,
                reworks: Int32, arrival: Double, release: Double, start: Double, finish: Double, due: Double,
                tardiness: Double) {
        self.job = job
        self.product = product
        self.quantity = quantity
        self.parent = parent
        self.isOrder = isOrder
        self.outcome = outcome
        self.priority = priority
        self.reworks = reworks
        self.arrival = arrival
        self.release = release
        self.start = start
        self.finish = finish
        self.due = due
        self.tardiness = tardiness
    }
}

/// What became of a job.
public enum JobOutcome: UInt8, CaseIterable, Sendable {
    case finished = 0
    case scrapped = 1

    public var name: String { self == .finished ? "finished" : "scrapped" }
}

/// One interval a machine spent in one state.
public struct StateRow: Sendable, Equatable {
    public var machine: Int32
    public var station: Int32
    /// `MachineState` raw value.
    public var state: UInt8
    public var start: Double
    public var end: Double

    public init(machine: Int32, station: Int32, state: UInt8, start: Double, end: Double) {
        self.machine = machine
        self.station = station
        self.state = state
        self.start = start
        self.end = end
    }
}
