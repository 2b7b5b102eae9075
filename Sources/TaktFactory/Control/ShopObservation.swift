/// What a scheduling controller sees of the shop at one instant: what a shop-floor system
/// (an MES) knows — every station's queue with each job's standard times, routing, due date and
/// priority; every machine's state, setup and the jobs it holds; the clock. Standard times are
/// the routing sheet's (the mean of each operation's time), never the durations the simulator
/// will draw; hidden wear and defects are not here.
public struct ShopObservation: Sendable {
    /// Simulated time (seconds).
    public var now: Double
    /// The plant's fixed facts: stations and their machines and rules, products and their
    /// routings (`layout.operations`, with standard times).
    public var layout: PlantLayout
    /// Every machine, by global index.
    public var machines: [ShopMachine]
    /// The jobs waiting at each station, in queue order (the station rule's order when that rule
    /// is static, else arrival order).
    public var queues: [[ShopJob]]

    public init(now: Double, layout: PlantLayout, machines: [ShopMachine], queues: [[ShopJob]]) {
        self.now = now
        self.layout = layout
        self.machines = machines
        self.queues = queues
    }

    /// The free machines of a station (idle or starved, holding nothing), in index order.
    public func freeMachines(at station: Int) -> [Int] {
        layout.stations[station].machines.filter { machines[$0].isFree }
    }

    /// The remaining routing of a job: its operations from the current one on, as route indices
    /// into `layout.operations` (stations and standard times per unit there).
    public func remainingRoutes(of job: ShopJob) -> Range<Int> {
        let routes = layout.products[job.product].routes
        return (routes.lowerBound + job.operation)..<routes.upperBound
    }
}

/// A machine as the shop floor reports it.
public struct ShopMachine: Sendable, Equatable {
    public var station: Int
    public var state: MachineState
    /// Can it take a job now (idle or starved, or off shift only for want of an operator,
    /// holding nothing)?
    public var isFree: Bool
    /// The setup family it is set up for (−1: none yet).
    public var setupFamily: Int
    /// Since when it is in its state.
    public var since: Double
    /// The jobs it holds: in process, or finished and waiting for room downstream.
    public var jobs: [ShopJob]

    public init(station: Int, state: MachineState, isFree: Bool, setupFamily: Int, since: Double, jobs: [ShopJob]) {
        self.station = station
        self.state = state
        self.isFree = isFree
        self.setupFamily = setupFamily
        self.since = since
        self.jobs = jobs
    }
}

/// A job as a shop-floor system knows it.
public struct ShopJob: Sendable, Equatable {
    /// Creation order (unique): how decisions name the job, and the conventional tie-break.
    public var serial: Int64
    public var product: Int
    /// Index of the operation waiting (or in process) in the product's routing.
    public var operation: Int
    public var quantity: Int
    /// Standard time of this operation for the whole job (seconds).
    public var expectedTime: Double
    /// Standard time of the operations left, this one included (seconds).
    public var remainingWork: Double
    /// Operations left, this one included.
    public var operationsLeft: Int
    /// Absolute due date (seconds; +∞ when none).
    public var dueDate: Double
    /// Order priority (lower is more urgent).
    public var priority: Int
    /// When the job was released into the shop, and when it joined its current queue.
    public var releaseTime: Double
    public var queueEntryTime: Double
    /// Setup family of its product.
    public var setupFamily: Int
    /// Can it start now (its sub-assemblies are done, its materials in stock)?
    public var canStart: Bool

    public init(serial: Int64, product: Int, operation: Int, quantity: Int, expectedTime: Double,
                remainingWork: Double, operationsLeft: Int, dueDate: Double, priority: Int, releaseTime: Double,
                queueEntryTime: Double, setupFamily: Int, canStart: Bool) {
        self.serial = serial
        self.product = product
        self.operation = operation
        self.quantity = quantity
        self.expectedTime = expectedTime
        self.remainingWork = remainingWork
        self.operationsLeft = operationsLeft
        self.dueDate = dueDate
        self.priority = priority
        self.releaseTime = releaseTime
        self.queueEntryTime = queueEntryTime
        self.setupFamily = setupFamily
        self.canStart = canStart
    }
}
