import TaktKernel

extension FactoryModel {
    /// Loads jobs (one, or a batch of one family) onto a free machine: consumes materials, then
    /// sets up if the family changes, then processes.
    mutating func startJobs<Jobs: Collection<Int32>>(on m: Int, jobs started: Jobs, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let base = m * maxBatch
        var count = 0
        for job in started {
            held[base + count] = job
            count += 1
            jobs[Int(job)].station = -1
            if routes.consumesAnything[routes.index(product: jobs[Int(job)].product, operation: jobs[Int(job)].operation)] {
                consumeMaterials(for: job, calendar: &calendar)
            }
        }
        machines[m].heldCount = Int32(count)
        let family = routes.family[Int(jobs[Int(held[base])].product)]
        let station = Int(machines[m].station)
        machines[m].setupStart = .nan
        if stationTable.hasSetup[station], let setup = configuration.stations[station].setup, machines[m].family != family {
            let law = machines[m].family < 0 ? setup.initial[Int(family)] : setup.times[Int(machines[m].family)][Int(family)]
            var duration = law?.sampleDuration(&machines[m].rngSetup) ?? 0
            let worker = Int(machines[m].operatorWorker)
            if worker >= 0 { duration /= workerTable.efficiency(worker, station) }
            if duration > 0 {
                if logsEvents { log(.setupStart, job: held[base], machine: Int32(m), value: duration) }
                machines[m].setupStart = now
                machines[m].inSetup = true
                machines[m].stepLength = duration
                setState(m, .setup, at: now)
                machines[m].completion = calendar.schedule(.completion(machine: Int32(m)), after: duration)
                return
            }
        }
        machines[m].family = family
        beginProcessing(m, calendar: &calendar)
    }

    /// Starts the step: load + processing (per unit, or once per batch) + unload, drawn from the
    /// first job's own stream.
    mutating func beginProcessing(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let station = Int(machines[m].station)
        let job = Int(held[m * maxBatch])
        let processTime = routes.processTime[routes.index(product: jobs[job].product, operation: jobs[job].operation)]
        var duration = stationTable.loadTime[station]?.sampleDuration(&jobs[job].rng) ?? 0
        if stationTable.isBatch[station] {
            duration += processTime.sampleDuration(&jobs[job].rng)
        } else {
            for _ in 0..<Int(jobs[job].quantity) { duration += processTime.sampleDuration(&jobs[job].rng) }
        }
        duration += stationTable.unloadTime[station]?.sampleDuration(&jobs[job].rng) ?? 0
        if stationTable.hasEnvironmentEffect[station] {
            duration *= environment.factor(.processTime, station: station, at: now)
        }
        let worker = Int(machines[m].operatorWorker)
        machines[m].operatorEfficiency = worker >= 0 ? workerTable.efficiency(worker, station) : 1
        duration /= machines[m].operatorEfficiency
        machines[m].inSetup = false
        if jobs[job].firstStart.isNaN { jobs[job].firstStart = now }
        if logsEvents { log(.processStart, job: Int32(job), machine: Int32(m), value: duration) }
        machines[m].stepStart = now
        machines[m].stepLength = duration
        setState(m, .busy, at: now)
        machines[m].completion = calendar.schedule(.completion(machine: Int32(m)), after: duration)
        startOperatingClock(m, calendar: &calendar)
    }

    /// A setup or a step ends: draw each job's outcome (on, rework, scrap), record it, and pass
    /// the jobs on.
    mutating func completion(of m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        machines[m].completion = nil
        let worker = Int(machines[m].operatorWorker)
        if worker >= 0 && (!machines[m].inSetup || stationTable.operatorNeed[Int(machines[m].station)] == .setup) {
            releaseWorker(worker, calendar: &calendar)
        }
        if machines[m].inSetup {
            machines[m].family = routes.family[Int(jobs[Int(held[m * maxBatch])].product)]
            beginProcessing(m, calendar: &calendar)
            return
        }
        stopOperatingClock(m, calendar: &calendar)
        let now = calendar.now
        let station = Int(machines[m].station)
        let isBatch = stationTable.isBatch[station]
        let base = m * maxBatch
        let count = Int(machines[m].heldCount)
        var kept = 0
        for k in 0..<count {
            let job = held[base + k]
            let product = Int(jobs[Int(job)].product)
            let operationIndex = Int(jobs[Int(job)].operation)
            let routeIndex = routes.index(product: Int32(product), operation: Int32(operationIndex))
            let quantity = Int(jobs[Int(job)].quantity)
            let standard = routes.meanTime[routeIndex]
            statistics.processedUnits[station] += quantity
            let handling = stationTable.handlingMean[station]
            statistics.idealTime[station] += isBatch ? (standard + handling) / Double(count) : standard * Double(quantity) + handling
            if qualityTable.isActive[routeIndex] && !qualityTable.isInspection[routeIndex] {
                executeRecipe(job: job, machine: m, routeIndex: routeIndex, operatorEfficiency: machines[m].operatorEfficiency, now: now)
            }
            let outcome = drawOutcome(job, routeIndex: routeIndex, now: now)
            if logsEvents { log(.processEnd, job: job, machine: Int32(m), operation: operationIndex) }
            if outcome == .rework && logsEvents { log(.rework, job: job, machine: Int32(m)) }
            if configuration.recordGantt || recording.operations {
                let row = GanttRow(job: jobs[Int(job)].serial, product: Int32(product), operation: Int32(operationIndex),
                                   station: Int32(station), machine: Int32(m), setupStart: machines[m].setupStart,
                                   start: machines[m].stepStart, end: now, outcome: outcome)
                if configuration.recordGantt { gantt.append(row) }
                if recording.operations { records.operations.append(row) }
            }
            switch outcome {
            case .scrapped:
                scrap(job, calendar: &calendar)
            case .finished:
                statistics.goodUnits[station] += quantity
                finish(job, calendar: &calendar)
            case .next:
                statistics.goodUnits[station] += quantity
                held[base + kept] = job
                kept += 1
            case .rework:
                held[base + kept] = job
                kept += 1
            }
        }
        machines[m].heldCount = Int32(kept)
        if stationTable.hasWear[station] { accumulateWear(m, calendar: &calendar) }
        moveHeldJobs(from: m, calendar: &calendar)
    }

    /// Draws what becomes of a job after an operation and advances its routing accordingly.
    @inline(__always)
    mutating func drawOutcome(_ job: Int32, routeIndex: Int, now: Double) -> GanttRow.Outcome {
        let index = Int(job)
        if qualityTable.isInspection[routeIndex], let rejected = inspect(job, routeIndex: routeIndex, now: now) {
            return rejected
        }
        let scrap = routes.scrapProbability[routeIndex], rework = routes.reworkProbability[routeIndex]
        if scrap > 0 || rework > 0 {
            let u = jobs[index].rng.nextUnit()
            if u < scrap { return .scrapped }
            if u < scrap + rework {
                jobs[index].operation = routes.reworkTo[routeIndex]
                jobs[index].reworks += 1
                statistics.reworks += 1
                statistics.quality.reworkedUnits += Int(jobs[index].quantity)
                return .rework
            }
        }
        jobs[index].operation += 1
        if qualityTable.hasSampling { skipUnsampledInspections(index) }
        return Int(jobs[index].operation) == routes.count(product: jobs[index].product) ? .finished : .next
    }

    /// Moves the machine's held jobs to their next stations, in order; the machine is blocked on
    /// the first job whose station has no room, and free once it holds nothing. A job sent back
    /// to the machine's own station (rework in place) re-enters its queue even when it is full,
    /// since the machine itself is about to take work from it (no self-deadlock).
    mutating func moveHeldJobs(from m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let base = m * maxBatch
        while machines[m].heldCount > 0 {
            let job = held[base]
            let target = chooseStation(product: Int(jobs[Int(job)].product), operation: Int(jobs[Int(job)].operation))
            guard hasRoom(target) || target == Int(machines[m].station) else {
                machines[m].blockedOn = Int32(target)
                blockedMachines[target].append(Int32(m))
                if logsEvents { log(.blocked, job: job, machine: Int32(m), station: Int32(target)) }
                if machines[m].state != .down { setState(m, .blocked, at: calendar.now) }
                return
            }
            let remaining = Int(machines[m].heldCount) - 1
            for k in 0..<remaining { held[base + k] = held[base + k + 1] }
            machines[m].heldCount = Int32(remaining)
            enqueue(job, at: target, calendar: &calendar)
        }
        machineFree(m, calendar: &calendar)
    }

    /// The machine holds nothing: it starts pending maintenance, or looks for work — unless it
    /// is down (it becomes free when repaired) or already in maintenance.
    mutating func machineFree(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let state = machines[m].state
        if state == .down { return }
        if machines[m].offShiftPending {
            machines[m].offShiftPending = false
            setState(m, .offShift, at: calendar.now)
            return
        }
        if machines[m].pendingMaintenance > 0 && beginPendingMaintenance(m, calendar: &calendar) { return }
        if state != .idle && state != .starved { setState(m, .idle, at: calendar.now) }
        requestDispatch(at: Int(machines[m].station), calendar: &calendar)
    }

    /// Changes a machine's state, accounting the time spent in the previous one.
    @inline(__always)
    mutating func setState(_ m: Int, _ state: MachineState, at now: Double) {
        if recording.states { recordStateInterval(m, until: now) }
        account(m, until: now)
        machines[m].state = state
        machines[m].awaitsWorker = false
    }

    /// Adds the time since the last state change to the machine's current state.
    @inline(__always)
    mutating func account(_ m: Int, until now: Double) {
        if machines[m].state == .busy { machines[m].operatingSeconds += now - machines[m].stateSince }
        let since = max(machines[m].stateSince, statistics.start)
        if now > since {
            statistics.machineStateTime[m * FactoryStatistics.stateCount + machines[m].state.rawValue] += now - since
            let station = Int(machines[m].station)
            if stationTable.isMetered[station] { meter(station, state: machines[m].state, from: since, to: now) }
        }
        machines[m].stateSince = now
    }
}
