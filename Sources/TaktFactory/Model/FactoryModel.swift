import TaktKernel

/// The factory model: stations of parallel machines with buffers, products with routings,
/// orders, materials, breakdowns and repair crews, people, quality and controllers, as one
/// event-driven state machine.
///
/// The model is a router over components that own their state (docs/architecture.md):
/// `fleet` (machines and their steps), `flow` (jobs, queues, dispatching), `reliability`
/// (breakdowns, wear, sensors, crews, maintenance), `workforce` (workers and shifts),
/// `qualitySystem` (recipes, defects, inspections), `stores` (materials), `control` (controllers)
/// and `instrumentation` (statistics and recorded rows). Each component's folder holds its state
/// and the mechanisms that act on it; `handle(_:calendar:)` sends each event to its mechanism.
///
/// All entities live in flat arrays addressed by integer indices; every event is a
/// `FactoryEvent` handled by a `switch`. The model is non-copyable, so no call can copy it by
/// accident. Build it from a `FactoryConfiguration` and run it in a `Simulation`:
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
    /// `package`, not public: it holds the hidden truth (failure laws, wear and defect models),
    /// so code outside Takt's package — a controller's own package — cannot read it.
    package let configuration: FactoryConfiguration
    let routes: RouteTable
    let stationTable: StationTable
    let environment: EnvironmentState

    var fleet: MachineFleet
    var flow: JobFlow
    var reliability: Reliability
    var workforce: Workforce
    var qualitySystem: QualitySystem
    var stores: MaterialStores
    var control: ControlRoom
    var transport: TransportSystem
    var instrumentation: Instrumentation

    /// The KPIs of the window before a deployment (nil without one, or before it happened).
    public internal(set) var windowBefore: FactoryReport?
    /// Why the run stopped early with no valid results (the shop overflowed, a job too large),
    /// or nil. The runner turns it into an error.
    public internal(set) var failure: String?

    /// Builds the model; random streams come from `streams`, re-keyed (`sealedForModel`) so that
    /// the seed alone does not give the model's draws.
    ///
    /// A `DispatchRuleScheduler` plugged in as the only scheduling controller (no shadow one) is
    /// compiled into the stations' rules and runs on the inline dispatching path.
    /// - Precondition: `configuration.problems()` is empty.
    public init(_ configuration: FactoryConfiguration, streams: RandomStreams,
                recording: RecordingOptions = RecordingOptions(), controllers: Controllers = Controllers()) {
        let problems = configuration.problems()
        precondition(problems.isEmpty, "invalid factory configuration: \(problems.joined(separator: "; "))")
        var configuration = configuration
        var controllers = controllers
        if let rules = controllers.scheduling as? DispatchRuleScheduler, controllers.shadowScheduling == nil {
            if let rule = rules.rule {
                for s in configuration.stations.indices where configuration.stations[s].batch == nil {
                    configuration.stations[s].dispatch = rule
                }
            }
            controllers.scheduling = nil
        }
        if controllers.scheduling == nil && controllers.shadowScheduling != nil {
            controllers.scheduling = DispatchRuleScheduler()   // the stations' rules, through the seam
        }
        self.configuration = configuration
        let streams = streams.sealedForModel   // the model's draws: not replayable from the seed
        routes = RouteTable(configuration)
        stationTable = StationTable(configuration)
        environment = EnvironmentState(configuration, streams: streams)
        fleet = MachineFleet(configuration, streams: streams)
        let machineCount = fleet.machines.count
        flow = JobFlow(configuration, streams: streams)
        reliability = Reliability(configuration, streams: streams, machineCount: machineCount)
        workforce = Workforce(configuration)
        qualitySystem = QualitySystem(configuration, streams: streams)
        stores = MaterialStores(configuration, streams: streams)
        transport = TransportSystem(configuration, streams: streams)
        control = ControlRoom(configuration, controllers: controllers, firstMachine: fleet.stationFirstMachine,
                              routes: routes)
        instrumentation = Instrumentation(configuration, recording: recording, machineCount: machineCount)
    }

    /// The controllers plugged in (read and changed in place in their out-of-line storage).
    var controllers: Controllers {
        _read { yield control.controllerStorage[0] }
        _modify { yield &control.controllerStorage[0] }
    }

    /// Statistics since the last reset, and whole-run counters.
    /// (`package`: they count true defects, which no plant observes; KPIs are built in-package.)
    package var statistics: FactoryStatistics { instrumentation.statistics }
    /// The Gantt record (when `configuration.recordGantt`).
    public var gantt: [GanttRow] { instrumentation.gantt }
    /// What is logged into `records`.
    public var recording: RecordingOptions { instrumentation.recording }
    /// Rows logged since the last `takeRecords()`.
    /// (`package`: they include the truth tables — wear at each reading, true defects.)
    package var records: FactoryRecords { instrumentation.records }

    public mutating func start(calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        instrumentation.periodStarts(at: now, machineStates: fleet.machines.map(\.state), levels: currentLevels())
        instrumentation.transportPeriodStarts(at: now, loads: transport.onLink, busy: transport.busyVehicles)
        for index in flow.sources.indices {
            if flow.sources[index].scheduleFirst(&calendar, source: Int32(index)) { flow.activeSources += 1 }
        }
        for m in fleet.machines.indices {
            fleet.machines[m].stateSince = now
            renewWear(m)
            guard let breakdowns = configuration.stations[Int(fleet.machines[m].station)].breakdowns else { continue }
            renewFailureClock(m, breakdowns, calendar: &calendar)
        }
        for (stationIndex, station) in configuration.stations.enumerated() {
            for (windowIndex, window) in station.maintenance.enumerated() {
                calendar.schedule(.maintenanceStart(station: Int32(stationIndex), window: Int32(windowIndex)),
                                  at: max(now, window.start))
            }
        }
        for member in reliability.crewMembers.indices { startSideJob(member, calendar: &calendar) }
        startWorkers(calendar: &calendar)
        scheduleReviews(calendar: &calendar)
        scheduleSchedulingReview(calendar: &calendar)
        if let deployment = controllers.deployment {
            calendar.schedule(.deploy, at: max(now, deployment.at), priority: -2)
        }
        for station in configuration.stations.indices where stationTable.operatorNeed[station] != nil {
            settleFreeMachines(at: station, now: now)
        }
        if instrumentation.recording.sampleInterval != nil { calendar.schedule(.sample, at: now, priority: 2) }
        for (stationIndex, station) in configuration.stations.enumerated() {
            guard let shifts = station.calendar else { continue }
            if !shifts.isWorking(at: now) {
                for m in fleet.machines(of: stationIndex) {
                    setState(m, .offShift, at: now)
                }
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
        let previousTime = instrumentation.currentTime
        instrumentation.currentTime = calendar.now
        defer { _checkInvariants(previousTime: previousTime, calendar: calendar) }
        switch event {
        case .orderArrival(let source): orderArrives(from: Int(source), calendar: &calendar)
        case .completion(let machine): completion(of: Int(machine), calendar: &calendar)
        case .dispatch(let station):
            flow.dispatchPending[Int(station)] = false
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
        case .schedulingReview: schedulingReview(calendar: &calendar)
        case .transportArrival(let job, let link): transportArrival(job, link: Int(link), calendar: &calendar)
        case .vehicleDelivered(let vehicle): vehicleDelivered(Int(vehicle), calendar: &calendar)
        case .deploy: deploy(calendar: &calendar)
        case .deploymentSettled: resetStatistics(at: calendar.now)
        }
    }

    public mutating func resetStatistics(at time: SimTime) {
        instrumentation.periodStarts(at: time, machineStates: fleet.machines.map(\.state), levels: currentLevels())
        instrumentation.transportPeriodStarts(at: time, loads: transport.onLink, busy: transport.busyVehicles)
        for m in fleet.machines.indices {
            recordStateInterval(m, until: time)   // state rows tile the whole run, warm-up included
            if fleet.machines[m].state == .busy {
                fleet.machines[m].operatingSeconds += time - fleet.machines[m].stateSince
            }
            fleet.machines[m].stateSince = time
        }
    }

    public mutating func finish(at time: SimTime) {
        if qualitySystem.hasLearners { catchUpVision(time) }
        for m in fleet.machines.indices {
            recordStateInterval(m, until: time)
            account(m, until: time)
        }
        for w in workforce.workers.indices {
            accountTask(w, until: time)
            workforce.workers[w].taskSince = time
            accountPresence(w, until: time)
        }
        instrumentation.periodEnds(at: time)
    }

    /// Current levels of the time-weighted quantities, for a statistics reset.
    func currentLevels() -> (wip: Int, queues: [Int], stock: [Int]) {
        (flow.jobsInShop, flow.queues.map(\.count), stores.stock)
    }
}
