import TaktKernel

extension FactoryModel {
    /// Loads jobs (one, or a batch of one family) onto a free machine: consumes materials, then
    /// sets up if the family changes, then processes.
    mutating func startJobs<Jobs: Collection<Int32>>(on m: Int, jobs started: Jobs,
                                                     calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let base = m * fleet.maxBatch
        var count = 0
        for job in started {
            fleet.held[base + count] = job
            count += 1
            flow.jobs[Int(job)].station = -1
            if routes.consumesAnything[routes.index(product: flow.jobs[Int(job)].product,
                                                    operation: flow.jobs[Int(job)].operation)] {
                consumeMaterials(for: job, calendar: &calendar)
            }
        }
        fleet.machines[m].heldCount = Int32(count)
        let family = routes.family[Int(flow.jobs[Int(fleet.held[base])].product)]
        let station = Int(fleet.machines[m].station)
        fleet.machines[m].setupStart = .nan
        if stationTable.hasSetup[station], let setup = configuration.stations[station].setup,
           fleet.machines[m].family != family {
            let law = fleet.machines[m].family < 0 ? setup.initial[Int(family)]
                : setup.times[Int(fleet.machines[m].family)][Int(family)]
            var duration = law?.sampleDuration(&fleet.machines[m].rngSetup) ?? 0
            let worker = Int(fleet.machines[m].operatorWorker)
            if worker >= 0 { duration /= workforce.workerTable.efficiency(worker, station) }
            if duration > 0 {
                if instrumentation.logsEvents {
                    log(.setupStart, job: fleet.held[base], machine: Int32(m), value: duration)
                }
                fleet.machines[m].setupStart = now
                fleet.machines[m].inSetup = true
                fleet.machines[m].stepLength = duration
                setState(m, .setup, at: now)
                fleet.machines[m].completion = calendar.schedule(.completion(machine: Int32(m)), after: duration)
                return
            }
        }
        fleet.machines[m].family = family
        beginProcessing(m, calendar: &calendar)
    }

    /// Starts the step: load + processing (per unit, or once per batch) + unload, drawn from the
    /// first job's own stream.
    mutating func beginProcessing(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let station = Int(fleet.machines[m].station)
        let job = Int(fleet.held[m * fleet.maxBatch])
        let processTime = routes.processTime[routes.index(product: flow.jobs[job].product,
                                                          operation: flow.jobs[job].operation)]
        var duration = stationTable.loadTime[station]?.sampleDuration(&flow.jobs[job].rng) ?? 0
        if stationTable.isBatch[station] {
            duration += processTime.sampleDuration(&flow.jobs[job].rng)
        } else {
            for _ in 0..<Int(flow.jobs[job].quantity) { duration += processTime.sampleDuration(&flow.jobs[job].rng) }
        }
        duration += stationTable.unloadTime[station]?.sampleDuration(&flow.jobs[job].rng) ?? 0
        if stationTable.hasEnvironmentEffect[station] {
            duration *= environment.factor(.processTime, station: station, at: now)
        }
        let worker = Int(fleet.machines[m].operatorWorker)
        fleet.machines[m].operatorEfficiency = worker >= 0 ? workforce.workerTable.efficiency(worker, station) : 1
        duration /= fleet.machines[m].operatorEfficiency
        fleet.machines[m].inSetup = false
        if flow.jobs[job].firstStart.isNaN { flow.jobs[job].firstStart = now }
        if instrumentation.logsEvents { log(.processStart, job: Int32(job), machine: Int32(m), value: duration) }
        fleet.machines[m].stepStart = now
        fleet.machines[m].stepLength = duration
        setState(m, .busy, at: now)
        fleet.machines[m].completion = calendar.schedule(.completion(machine: Int32(m)), after: duration)
        startOperatingClock(m, calendar: &calendar)
    }

    /// A setup or a step ends: draw each job's outcome (on, rework, scrap), record it, and pass
    /// the jobs on.
    mutating func completion(of m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        fleet.machines[m].completion = nil
        let worker = Int(fleet.machines[m].operatorWorker)
        if worker >= 0 && (!fleet.machines[m].inSetup
                           || stationTable.operatorNeed[Int(fleet.machines[m].station)] == .setup) {
            releaseWorker(worker, calendar: &calendar)
        }
        if fleet.machines[m].inSetup {
            fleet.machines[m].family = routes.family[Int(flow.jobs[Int(fleet.held[m * fleet.maxBatch])].product)]
            beginProcessing(m, calendar: &calendar)
            return
        }
        stopOperatingClock(m, calendar: &calendar)
        let now = calendar.now
        let station = Int(fleet.machines[m].station)
        let isBatch = stationTable.isBatch[station]
        let base = m * fleet.maxBatch
        let count = Int(fleet.machines[m].heldCount)
        var kept = 0
        for k in 0..<count {
            let job = fleet.held[base + k]
            let product = Int(flow.jobs[Int(job)].product)
            let operationIndex = Int(flow.jobs[Int(job)].operation)
            let routeIndex = routes.index(product: Int32(product), operation: Int32(operationIndex))
            let quantity = Int(flow.jobs[Int(job)].quantity)
            let standard = routes.meanTime[routeIndex]
            let handling = stationTable.handlingMean[station]
            instrumentation.unitsProcessed(station: station, quantity: quantity,
                                           idealTime: isBatch ? (standard + handling) / Double(count)
                                               : standard * Double(quantity) + handling)
            if qualitySystem.qualityTable.isActive[routeIndex] && !qualitySystem.qualityTable.isInspection[routeIndex] {
                executeRecipe(job: job, machine: m, routeIndex: routeIndex,
                              operatorEfficiency: fleet.machines[m].operatorEfficiency, now: now)
            }
            let outcome = drawOutcome(job, routeIndex: routeIndex, now: now)
            if instrumentation.logsEvents { log(.processEnd, job: job, machine: Int32(m), operation: operationIndex) }
            if control.schedules {
                notifySchedulers(.finished(job: flow.jobs[Int(job)].serial, machine: m, time: now), calendar: &calendar)
            }
            if outcome == .rework && instrumentation.logsEvents { log(.rework, job: job, machine: Int32(m)) }
            if configuration.recordGantt || instrumentation.recording.operations {
                let row = GanttRow(job: flow.jobs[Int(job)].serial, product: Int32(product),
                                   operation: Int32(operationIndex),
                                   station: Int32(station), machine: Int32(m), setupStart: fleet.machines[m].setupStart,
                                   start: fleet.machines[m].stepStart, end: now, outcome: outcome)
                instrumentation.operationEnded(row, gantt: configuration.recordGantt)
            }
            switch outcome {
            case .scrapped:
                scrap(job, calendar: &calendar)
            case .finished:
                instrumentation.unitsGood(station: station, quantity: quantity)
                completeRouting(job, calendar: &calendar)
            case .next:
                instrumentation.unitsGood(station: station, quantity: quantity)
                fleet.held[base + kept] = job
                kept += 1
            case .rework:
                fleet.held[base + kept] = job
                kept += 1
            }
        }
        fleet.machines[m].heldCount = Int32(kept)
        if stationTable.hasWear[station] { accumulateWear(m, calendar: &calendar) }
        moveHeldJobs(from: m, calendar: &calendar)
    }

    /// Draws what becomes of a job after an operation and advances its routing accordingly.
    @inline(__always)
    mutating func drawOutcome(_ job: Int32, routeIndex: Int, now: Double) -> GanttRow.Outcome {
        let index = Int(job)
        if qualitySystem.qualityTable.isInspection[routeIndex],
           let rejected = inspect(job, routeIndex: routeIndex, now: now) {
            return rejected
        }
        let scrap = routes.scrapProbability[routeIndex], rework = routes.reworkProbability[routeIndex]
        if scrap > 0 || rework > 0 {
            let u = flow.jobs[index].rng.nextUnit()
            if u < scrap { return .scrapped }
            if u < scrap + rework {
                flow.jobs[index].operation = routes.reworkTo[routeIndex]
                flow.jobs[index].reworks += 1
                instrumentation.jobReworked(quantity: Int(flow.jobs[index].quantity))
                return .rework
            }
        }
        flow.jobs[index].operation += 1
        if qualitySystem.qualityTable.hasSampling { skipUnsampledInspections(index) }
        return Int(flow.jobs[index].operation) == routes.count(product: flow.jobs[index].product) ? .finished : .next
    }

    /// Moves the machine's held jobs to their next stations, in order; the machine is blocked on
    /// the first job whose station has no room, and free once it holds nothing. A job sent back
    /// to the machine's own station (rework in place) re-enters its queue even when it is full,
    /// since the machine itself is about to take work from it (no self-deadlock).
    mutating func moveHeldJobs(from m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let base = m * fleet.maxBatch
        while fleet.machines[m].heldCount > 0 {
            let job = fleet.held[base]
            let target = chooseStation(product: Int(flow.jobs[Int(job)].product),
                                       operation: Int(flow.jobs[Int(job)].operation))
            let own = Int(fleet.machines[m].station)
            // a transport link to the next station: the job boards it (a conveyor must have room)
            let link = transport.isActive && target != own ? transport.link(from: own, to: target) : nil
            let boardable = link == nil || canBoard(link!)
            guard (hasRoom(target) || target == own) && boardable else {
                fleet.machines[m].blockedOn = Int32(target)
                flow.blockedMachines[target].append(Int32(m))
                if instrumentation.logsEvents { log(.blocked, job: job, machine: Int32(m), station: Int32(target)) }
                if fleet.machines[m].state != .down { setState(m, .blocked, at: calendar.now) }
                return
            }
            let remaining = Int(fleet.machines[m].heldCount) - 1
            for k in 0..<remaining { fleet.held[base + k] = fleet.held[base + k + 1] }
            fleet.machines[m].heldCount = Int32(remaining)
            if let link {
                board(job, link: link, calendar: &calendar)
            } else {
                enqueue(job, at: target, calendar: &calendar)
            }
        }
        machineFree(m, calendar: &calendar)
    }

    /// The machine holds nothing: it starts pending maintenance, or looks for work — unless it
    /// is down (it becomes free when repaired) or already in maintenance.
    mutating func machineFree(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let state = fleet.machines[m].state
        if state == .down { return }
        if fleet.machines[m].offShiftPending {
            fleet.machines[m].offShiftPending = false
            setState(m, .offShift, at: calendar.now)
            return
        }
        if reliability.health[m].pendingMaintenance > 0 && beginPendingMaintenance(m, calendar: &calendar) { return }
        if state != .idle && state != .starved { setState(m, .idle, at: calendar.now) }
        requestDispatch(at: Int(fleet.machines[m].station), calendar: &calendar)
    }

    /// Changes a machine's state, accounting the time spent in the previous one.
    @inline(__always)
    mutating func setState(_ m: Int, _ state: MachineState, at now: Double) {
        if instrumentation.recording.states { recordStateInterval(m, until: now) }
        account(m, until: now)
        fleet.machines[m].state = state
        fleet.machines[m].awaitsWorker = false
    }

    /// Adds the time since the last state change to the machine's current state.
    @inline(__always)
    mutating func account(_ m: Int, until now: Double) {
        if fleet.machines[m].state == .busy { fleet.machines[m].operatingSeconds += now - fleet.machines[m].stateSince }
        let since = max(fleet.machines[m].stateSince, instrumentation.statistics.start)
        if now > since {
            instrumentation.machineSpent(now - since, in: fleet.machines[m].state, machine: m)
            let station = Int(fleet.machines[m].station)
            if stationTable.isMetered[station] { meter(station, state: fleet.machines[m].state, from: since, to: now) }
        }
        fleet.machines[m].stateSince = now
    }
}
