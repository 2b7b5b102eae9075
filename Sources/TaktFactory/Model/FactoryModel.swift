import TaktKernel

/// The factory model: stations of parallel machines with buffers, products with routings,
/// orders, materials, breakdowns and repair crews, as one event-driven state machine.
///
/// All entities live in flat arrays addressed by integer indices; every event is a
/// `FactoryEvent` handled by a `switch`. Build it from a `FactoryConfiguration` and run it in a
/// `Simulation`:
///
/// ```swift
/// var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1)),
///                             limits: RunLimits(endTime: 30 * 86_400, warmUp: 2 * 86_400))
/// _ = simulation.run()
/// simulation.finish()
/// let report = simulation.model.report()
/// ```
///
/// Random streams: each job draws its processing times and routing outcomes from its own stream
/// (keyed by order number), each machine its setups, failures and repairs, each order source its
/// arrivals, mix, quantities and due dates, each material its lead times. Two variants of a
/// scenario therefore see the same orders, the same work content and the same failures.
public struct FactoryModel: DiscreteEventModel, ~Copyable {
    public typealias Event = FactoryEvent

    /// The configuration the model was built from.
    public let configuration: FactoryConfiguration
    let routes: RouteTable
    let stationTable: StationTable
    let stationFirstMachine: [Int]
    let materialStations: [[Int]]
    let jobStreamBase: UInt64
    let maxBatch: Int
    /// Custom dispatching per station (nil: the station's rule).
    let dispatchPolicies: [(any DispatchPolicy)?]
    let hasDispatchPolicy: [Bool]
    /// Stations whose queue is kept in the order of their rule (see `FactoryModel+RankedQueue`).
    let rankedQueue: [Bool]

    var jobs: ContiguousArray<Job> = []
    var freeJobSlots: ContiguousArray<Int32> = []
    var nextSerial: Int64 = 0
    var machines: ContiguousArray<Machine> = []
    /// Jobs held by machine m: `held[m * maxBatch ..< m * maxBatch + heldCount]`.
    var held: ContiguousArray<Int32> = []
    var queues: [ContiguousArray<Int32>]
    var blockedMachines: [RingBuffer<Int32>]
    var entryBacklog: [RingBuffer<Int32>]
    var dispatchPending: [Bool]
    var dispatching: [Bool]
    var redispatch: [Bool]
    var batchTimers: [EventID?]
    var sensorStreams: [Xoshiro256StarStar]
    let environment: EnvironmentState
    var sources: [SourceState]
    var stock: [Int]
    var onOrder: [Int]
    var materialStreams: [Xoshiro256StarStar]
    var crewMembers: ContiguousArray<CrewMember> = []
    var crewFirstMember: [Int] = []
    var repairQueues: [RingBuffer<Int32>]
    var repairingMember: [Int32]
    let qualityTable: QualityTable
    let qualityStreamBase: UInt64
    /// Current recipe setpoints, flat by route (`QualityTable.parameterOffset`): a quality
    /// controller may move them within their ranges.
    var setpoints: [Double]
    /// Scratch space for the actual parameter values of one execution.
    var actualParameters: [Double]
    /// Parts seen per inspecting route (1-in-N sampling).
    var inspectionCounter: [Int]
    /// The layout handed out in observations (built once).
    let observableLayout: PlantLayout
    /// Latest non-missing sensor values per (machine, sensor) and their times; failures seen per machine.
    var latestReading: [Double]
    var latestReadingTime: [Double]
    var failuresSeen: [Int]
    /// Controllers plugged in (maintenance, quality; active and shadow), kept out of line: a
    /// struct holding protocol existentials is address-only, and storing one inline made the
    /// compiler copy the whole model in hot paths (4× slower; docs/performance.md).
    var controllerStorage: ContiguousArray<Controllers>
    var controllers: Controllers {
        _read { yield controllerStorage[0] }
        _modify { yield &controllerStorage[0] }
    }
    /// Pending review events of the active and the shadow maintenance controller.
    var reviewEvents: [EventID?] = [nil, nil]
    /// The KPIs of the window before a deployment (nil without one, or before it happened).
    public internal(set) var windowBefore: FactoryReport?
    let workerTable: WorkerTable
    var workers: ContiguousArray<Worker> = []
    /// Machines waiting for a technician, first come first served.
    var technicianQueue = RingBuffer<Int32>()
    /// Machines whose step stopped at an operator's shift end, waiting for the next operator.
    var suspendedSteps: ContiguousArray<Int32> = []
    /// Machines whose ordered maintenance waits for a technician.
    var maintenanceQueue: ContiguousArray<Int32> = []
    /// Stations with work that wait for a free qualified operator.
    var waitingForOperator: [Bool]
    var conwipBacklog = RingBuffer<Int32>()
    var ordersInShop = 0
    var jobsInShop = 0
    var activeSources = 0

    /// Statistics since the last reset, and whole-run counters.
    public internal(set) var statistics: FactoryStatistics
    /// The Gantt record (when `configuration.recordGantt`).
    public internal(set) var gantt: [GanttRow] = []
    /// What is logged into `records`.
    public let recording: RecordingOptions
    /// Rows logged since the last `takeRecords()`.
    public internal(set) var records = FactoryRecords()
    let logsEvents: Bool
    /// The time of the event being handled (for logged rows).
    var currentTime: Double = 0
    /// Why the run stopped early with no valid results (the shop overflowed, a job too large),
    /// or nil. The runner turns it into an error.
    public internal(set) var failure: String?

    /// Builds the model; random streams come from `streams`. `dispatchPolicies` replaces the
    /// dispatching rule of the stations it names (by station index).
    /// - Precondition: `configuration.problems()` is empty.
    public init(_ configuration: FactoryConfiguration, streams: RandomStreams,
                dispatchPolicies: [Int: any DispatchPolicy] = [:], recording: RecordingOptions = RecordingOptions(),
                controllers: Controllers = Controllers()) {
        controllerStorage = [controllers]
        self.recording = recording
        logsEvents = recording.events != .none
        let problems = configuration.problems()
        precondition(problems.isEmpty, "invalid factory configuration: \(problems.joined(separator: "; "))")
        self.configuration = configuration
        routes = RouteTable(configuration)
        stationTable = StationTable(configuration)
        self.dispatchPolicies = configuration.stations.indices.map { dispatchPolicies[$0] }
        hasDispatchPolicy = configuration.stations.indices.map { dispatchPolicies[$0] != nil }
        rankedQueue = configuration.stations.indices.map { station in
            dispatchPolicies[station] == nil && configuration.stations[station].batch == nil
                && configuration.stations[station].dispatch.isStatic
        }
        maxBatch = max(1, configuration.stations.map { $0.batch?.maxSize ?? 1 }.max() ?? 1)
        var first: [Int] = []
        var total = 0
        for station in configuration.stations {
            first.append(total)
            total += station.machines
        }
        first.append(total)
        stationFirstMachine = first
        let stationCount = configuration.stations.count
        queues = Array(repeating: [], count: stationCount)
        blockedMachines = Array(repeating: RingBuffer(capacity: 4), count: stationCount)
        entryBacklog = Array(repeating: RingBuffer(capacity: 4), count: stationCount)
        dispatchPending = Array(repeating: false, count: stationCount)
        dispatching = Array(repeating: false, count: stationCount)
        redispatch = Array(repeating: false, count: stationCount)
        batchTimers = Array(repeating: nil, count: stationCount)
        waitingForOperator = Array(repeating: false, count: stationCount)
        workerTable = WorkerTable(configuration)
        qualityTable = QualityTable(configuration)
        qualityStreamBase = streams.streamSeed(entity: "jobs", purpose: "quality")
        setpoints = QualityTable.setpoints(configuration)
        actualParameters = Array(repeating: 0, count: qualityTable.maxParameters)
        inspectionCounter = Array(repeating: 0, count: qualityTable.model.count)
        workers = ContiguousArray(workerTable.pool.map { pool in
            Worker(pool: pool, task: .none, machine: -1, present: true, leaving: false, taskSince: 0, presentSince: 0,
                   shiftEndedAt: 0, busyTime: 0)
        })
        environment = EnvironmentState(configuration, streams: streams)
        sensorStreams = configuration.sensors.map { streams.stream(entity: "sensor/\($0.name)/\($0.station)", purpose: "noise") }
        jobStreamBase = streams.streamSeed(entity: "jobs", purpose: "work")
        sources = configuration.orderSources.map { SourceState($0, streams: streams) }
        stock = configuration.materials.map(\.initialStock)
        onOrder = Array(repeating: 0, count: configuration.materials.count)
        materialStreams = configuration.materials.map { streams.stream(entity: "material/\($0.name)", purpose: "lead-time") }
        materialStations = configuration.materials.indices.map { material in
            configuration.stations.indices.filter { station in
                configuration.products.contains { product in
                    product.routing.contains { $0.stations.contains(station) && $0.consumes.contains { $0.item == .material(material) } }
                }
            }
        }
        repairQueues = Array(repeating: RingBuffer(capacity: 4), count: configuration.repairCrews.count)
        repairingMember = Array(repeating: -1, count: total)
        statistics = FactoryStatistics(configuration, machineCount: total)
        for (stationIndex, station) in configuration.stations.enumerated() {
            for k in 0..<station.machines {
                let entity = "\(station.name)/\(k)"
                machines.append(Machine(
                    station: Int32(stationIndex), indexInStation: Int32(k), state: .idle, stateSince: 0, family: -1,
                    heldCount: 0, completion: nil, inSetup: false, remaining: 0, stepLength: 0, stepStart: 0,
                    setupStart: .nan, interrupted: nil, timeToFailure: .infinity, operatingSince: 0, failureEvent: nil,
                    failedAt: 0, pendingMaintenance: 0, blockedOn: -1, wear: 0,
                    rngWear: streams.stream(entity: entity, purpose: "wear"),
                    rngFailure: streams.stream(entity: entity, purpose: "time-to-failure"),
                    rngRepair: streams.stream(entity: entity, purpose: "repair"),
                    rngSetup: streams.stream(entity: entity, purpose: "setup"),
                    rngWearFailure: streams.stream(entity: entity, purpose: "wear-failure")))
            }
        }
        held = ContiguousArray(repeating: -1, count: total * maxBatch)
        observableLayout = PlantLayout(configuration, firstMachine: first)
        latestReading = Array(repeating: .nan, count: total * configuration.sensors.count)
        latestReadingTime = Array(repeating: .nan, count: total * configuration.sensors.count)
        failuresSeen = Array(repeating: 0, count: total)
        for (crewIndex, crew) in configuration.repairCrews.enumerated() {
            crewFirstMember.append(crewMembers.count)
            for k in 0..<crew.size {
                crewMembers.append(CrewMember(
                    crew: Int32(crewIndex), repairing: -1, sideJob: nil, sideJobRemaining: 0, busySince: 0,
                    rng: streams.stream(entity: "crew/\(crew.name)/\(k)", purpose: "side-job")))
            }
        }
        crewFirstMember.append(crewMembers.count)
    }

    public mutating func start(calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        statistics.reset(at: now, machineStates: machines.map(\.state), levels: currentLevels())
        for index in sources.indices {
            if sources[index].scheduleFirst(&calendar, source: Int32(index)) { activeSources += 1 }
        }
        for m in machines.indices {
            machines[m].stateSince = now
            drawFailureLevel(m)
            guard let breakdowns = configuration.stations[Int(machines[m].station)].breakdowns else { continue }
            renewFailureClock(m, breakdowns, calendar: &calendar)
        }
        for (stationIndex, station) in configuration.stations.enumerated() {
            for (windowIndex, window) in station.maintenance.enumerated() {
                calendar.schedule(.maintenanceStart(station: Int32(stationIndex), window: Int32(windowIndex)),
                                  at: max(now, window.start))
            }
        }
        for member in crewMembers.indices { startSideJob(member, calendar: &calendar) }
        startWorkers(calendar: &calendar)
        scheduleReviews(calendar: &calendar)
        if let deployment = controllers.deployment { calendar.schedule(.deploy, at: max(now, deployment.at), priority: -2) }
        for station in configuration.stations.indices where stationTable.operatorNeed[station] != nil {
            settleFreeMachines(at: station, now: now)
        }
        if recording.sampleInterval != nil { calendar.schedule(.sample, at: now, priority: 2) }
        for (stationIndex, station) in configuration.stations.enumerated() {
            guard let shifts = station.calendar else { continue }
            if !shifts.isWorking(at: now) {
                for m in stationFirstMachine[stationIndex]..<stationFirstMachine[stationIndex + 1] { setState(m, .offShift, at: now) }
            }
            if let change = shifts.nextChange(after: now) {
                calendar.schedule(.shiftChange(station: Int32(stationIndex)), at: change, priority: -1)
            }
        }
        for (index, sensor) in configuration.sensors.enumerated() {
            calendar.schedule(.sensorReading(sensor: Int32(index)), at: now + sensor.interval, priority: 2)
        }
        _checkInvariants(previousTime: now, calendar: calendar)
    }

    public mutating func handle(_ event: FactoryEvent, calendar: inout EventCalendar<FactoryEvent>) {
        let previousTime = currentTime
        currentTime = calendar.now
        defer { _checkInvariants(previousTime: previousTime, calendar: calendar) }
        switch event {
        case .orderArrival(let source): orderArrives(from: Int(source), calendar: &calendar)
        case .completion(let machine): completion(of: Int(machine), calendar: &calendar)
        case .dispatch(let station):
            dispatchPending[Int(station)] = false
            dispatch(at: Int(station), calendar: &calendar)
        case .failure(let machine): failure(of: Int(machine), calendar: &calendar)
        case .repairDone(let machine): repairDone(of: Int(machine), calendar: &calendar)
        case .sideJobDone(let member): sideJobDone(Int(member), calendar: &calendar)
        case .maintenanceStart(let station, let window):
            maintenanceStarts(at: Int(station), window: Int(window), calendar: &calendar)
        case .maintenanceEnd(let machine): maintenanceEnds(Int(machine), calendar: &calendar)
        case .materialReceipt(let material, let quantity):
            receive(material: Int(material), quantity: Int(quantity), calendar: &calendar)
        case .sample: takeSample(calendar: &calendar)
        case .sensorReading(let sensor): readSensor(Int(sensor), calendar: &calendar)
        case .shiftChange(let station): shiftChange(at: Int(station), calendar: &calendar)
        case .workerShiftChange(let pool): workerShiftChange(pool: Int(pool), calendar: &calendar)
        case .controllerReview(let shadow): controllerReview(shadow: shadow, calendar: &calendar)
        case .deploy: deploy(calendar: &calendar)
        case .deploymentSettled: resetStatistics(at: calendar.now)
        }
    }

    public mutating func resetStatistics(at time: SimTime) {
        statistics.reset(at: time, machineStates: machines.map(\.state), levels: currentLevels())
        for m in machines.indices {
            recordStateInterval(m, until: time)   // state rows tile the whole run, warm-up included
            if machines[m].state == .busy { machines[m].operatingSeconds += time - machines[m].stateSince }
            machines[m].stateSince = time
        }
    }

    public mutating func finish(at time: SimTime) {
        for m in machines.indices {
            recordStateInterval(m, until: time)
            account(m, until: time)
        }
        for w in workers.indices {
            accountTask(w, until: time)
            workers[w].taskSince = time
            accountPresence(w, until: time)
        }
        statistics.end = time
    }

    /// Current levels of the time-weighted quantities, for a statistics reset.
    func currentLevels() -> (wip: Int, queues: [Int], stock: [Int]) {
        (jobsInShop, queues.map(\.count), stock)
    }
}
