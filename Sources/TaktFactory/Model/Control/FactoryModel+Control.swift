import TaktKernel

extension FactoryModel {
    /// Hands an observable shop-floor event (readings, failures, repairs, maintenance) to the
    /// maintenance controllers, and carries out (or, for a shadow, only logs) what they decide.
    mutating func notifyMaintenanceControllers(_ event: PlantEvent, calendar: inout EventCalendar<FactoryEvent>) {
        guard hasMaintenanceController else { return }
        let plant = observation(at: calendar.now)
        if let orders = withController(\.maintenance, { $0.observe(event, plant: plant) }) {
            carryOut(orders, shadow: false, calendar: &calendar)
        }
        if let orders = withController(\.shadowMaintenance, { $0.observe(event, plant: plant) }) {
            carryOut(orders, shadow: true, calendar: &calendar)
        }
        scheduleReviews(calendar: &calendar)
    }

    /// Hands a process or inspection event to the quality controllers and applies (or, for a
    /// shadow, only logs) their setpoint changes.
    mutating func notifyQualityControllers(_ event: PlantEvent, now: Double) {
        guard hasQualityController else { return }
        let plant = observation(at: now)
        if let changes = withController(\.quality, { $0.observe(event, plant: plant) }) {
            apply(changes, shadow: false)
        }
        if let changes = withController(\.shadowQuality, { $0.observe(event, plant: plant) }) {
            apply(changes, shadow: true)
        }
    }

    /// Runs `body` on the controller in `slot` (if any), taken out of the model meanwhile so its
    /// state stays uniquely referenced while it mutates (no copy of its arrays).
    mutating func withController<Controller, Result>(_ slot: WritableKeyPath<Controllers, Controller?>,
                                                     _ body: (inout Controller) -> Result) -> Result? {
        guard var controller = controllers[keyPath: slot] else { return nil }
        controllers[keyPath: slot] = nil
        let result = body(&controller)
        controllers[keyPath: slot] = controller
        return result
    }

    /// Each plugged-in controller's own figures, keyed by its name (`shadow.<name>` for shadows).
    public var controllerMetrics: [(prefix: String, metrics: [ControllerMetric])] {
        var result: [(String, [ControllerMetric])] = []
        if let c = controllers.maintenance { result.append((c.name, c.metrics())) }
        if let c = controllers.quality { result.append((c.name, c.metrics())) }
        if let c = controllers.shadowMaintenance { result.append(("shadow.\(c.name)", c.metrics())) }
        if let c = controllers.shadowQuality { result.append(("shadow.\(c.name)", c.metrics())) }
        if let c = controllers.inventory { result.append((c.name, c.metrics())) }
        if let c = controllers.scheduling { result.append((c.name, c.metrics())) }
        if let c = controllers.shadowScheduling { result.append(("shadow.\(c.name)", c.metrics())) }
        return result + schedulingMetrics
    }

    /// The maintenance controllers' warnings scored against what followed (`warnings` for the
    /// active one, `shadow.warnings` for a shadow), over the current period.
    /// (`package`: the score splits failures by their hidden cause.)
    package var warningReports: [(prefix: String, report: WarningReport)] {
        let watched = configuration.stations.reduce(0) {
            $0 + ($1.breakdowns != nil || $1.wear != nil ? $1.machines : 0)
        }
        let period = instrumentation.statistics.end - instrumentation.statistics.start
        var result: [(String, WarningReport)] = []
        if controllers.maintenance != nil {
            result.append(("warnings", instrumentation.warnings[0].report(machines: watched, period: period)))
        }
        if controllers.shadowMaintenance != nil {
            result.append(("shadow.warnings",
                           instrumentation.warnings[1].report(machines: watched, period: period)))
        }
        return result
    }

    /// Truth: is machine `m` degrading — has wear built up (with a warning period: is it past
    /// its potential-failure point)? Wear without a warning period builds up from the start.
    func isDegrading(_ m: Int) -> Bool { reliability.health[m].wear > 0 }

    /// What the plugged-in maintenance controllers have learned, keyed by name (`shadow.<name>`
    /// for a shadow), for saving and warm-starting later runs.
    public var learnedModels: [String: [String: [Double]]] {
        var result: [String: [String: [Double]]] = [:]
        if let c = controllers.maintenance, let model = c.learnedModel() { result[c.name] = model }
        if let c = controllers.shadowMaintenance, let model = c.learnedModel() { result["shadow.\(c.name)"] = model }
        return result
    }

    /// Is a maintenance (or quality) controller plugged in, active or shadow?
    var hasMaintenanceController: Bool { controllers.maintenance != nil || controllers.shadowMaintenance != nil }
    var hasQualityController: Bool { controllers.quality != nil || controllers.shadowQuality != nil }

    /// A maintenance controller's review time has come.
    mutating func controllerReview(shadow: Bool, calendar: inout EventCalendar<FactoryEvent>) {
        control.reviewEvents[shadow ? 1 : 0] = nil
        let plant = observation(at: calendar.now)
        let slot = shadow ? \Controllers.shadowMaintenance : \Controllers.maintenance
        if let orders = withController(slot, { $0.review(plant: plant) }) {
            carryOut(orders, shadow: shadow, calendar: &calendar)
        }
        scheduleReviews(calendar: &calendar)
    }

    /// Keeps one pending review event per maintenance controller, at the time it asks for.
    mutating func scheduleReviews(calendar: inout EventCalendar<FactoryEvent>) {
        for slot in 0..<2 {
            let wanted = slot == 0 ? controllers.maintenance?.nextReview : controllers.shadowMaintenance?.nextReview
            let pending = control.reviewEvents[slot].flatMap { calendar.time(of: $0) }
            guard wanted != pending else { continue }
            if let event = control.reviewEvents[slot] { calendar.cancel(event) }
            control.reviewEvents[slot] = wanted.map { calendar.schedule(.controllerReview(shadow: slot == 1),
                                                                        at: max($0, calendar.now), priority: 2) }
        }
    }

    /// Maintenance orders: a shadow's are only logged; the active controller's start when the
    /// machine is free (a busy machine finishes its step first; a down one is being repaired).
    mutating func carryOut(_ orders: [MaintenanceOrder], shadow: Bool, calendar: inout EventCalendar<FactoryEvent>) {
        for order in orders where fleet.machines.indices.contains(order.machine) && order.duration > 0 {
            let m = order.machine
            if shadow {
                if fleet.machines[m].state != .down {
                    instrumentation.warningsSeeOrder(machine: m, shadow: true, at: calendar.now,
                                                     degrading: isDegrading(m))
                }
                instrumentation.shadowMaintenanceOrdered()
                if instrumentation.logsEvents { log(.shadowMaintenanceOrder, machine: Int32(m), value: order.duration) }
                continue
            }
            let state = fleet.machines[m].state
            if state == .down || state == .maintenance || reliability.health[m].pendingMaintenance > 0 { continue }
            instrumentation.warningsSeeOrder(machine: m, shadow: false, at: calendar.now, degrading: isDegrading(m))
            if instrumentation.logsEvents { log(.maintenanceOrder, machine: Int32(m), value: order.duration) }
            reliability.health[m].pendingMaintenance = order.duration
            reliability.health[m].maintenanceRenews = true
            if isFree(m) { machineFree(m, calendar: &calendar) }
        }
    }

    /// Setpoint changes, clamped to the recipe's ranges; a shadow's are only logged.
    mutating func apply(_ changes: [SetpointChange], shadow: Bool) {
        for change in changes {
            let first = qualitySystem.qualityTable.parameterOffset[change.operation]
            guard qualitySystem.qualityTable.parameterOffset.indices.contains(change.operation + 1),
                  change.parameter >= 0,
                  first + change.parameter
                      < qualitySystem.qualityTable.parameterOffset[change.operation + 1] else { continue }
            let index = first + change.parameter
            let value = min(qualitySystem.qualityTable.maximum[index],
                            max(qualitySystem.qualityTable.minimum[index], change.value))
            if !shadow { qualitySystem.setpoints[index] = value }
            if instrumentation.logsEvents {
                let product = Int32(routes.product(ofRoute: change.operation))
                log(shadow ? .shadowSetpointChange : .setpointChange, product: product, parameter: Int32(index),
                    value: value)
            }
        }
    }

    /// The deployment time: the shadow controllers take over (the active ones become shadows),
    /// the KPIs of the window before are kept, and statistics restart after the transition.
    mutating func deploy(calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        windowBefore = snapshotReport(at: now)
        var swapped = controllers
        (swapped.maintenance, swapped.shadowMaintenance) = (swapped.shadowMaintenance, swapped.maintenance)
        (swapped.quality, swapped.shadowQuality) = (swapped.shadowQuality, swapped.quality)
        (swapped.scheduling, swapped.shadowScheduling) = (swapped.shadowScheduling, swapped.scheduling)
        controllers = swapped
        if instrumentation.logsEvents { log(.controllerDeployed) }
        scheduleReviews(calendar: &calendar)
        scheduleSchedulingReview(calendar: &calendar)
        calendar.schedule(.deploymentSettled, after: controllers.deployment?.transition ?? 0, priority: -2)
    }

    /// The report of the statistics period so far (everything accounted up to `now`).
    mutating func snapshotReport(at now: Double) -> FactoryReport {
        for m in fleet.machines.indices { account(m, until: now) }
        for w in workforce.workers.indices {
            accountTask(w, until: now)
            workforce.workers[w].taskSince = now
            accountPresence(w, until: now)
        }
        instrumentation.periodEnds(at: now)
        return report()
    }
}
