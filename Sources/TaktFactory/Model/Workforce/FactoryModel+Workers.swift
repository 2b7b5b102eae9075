import TaktKernel

extension FactoryModel {
    /// A free worker at work and qualified for skill `slot`, picked by the configured choice; nil if none.
    func chooseWorker(slot: Int) -> Int? {
        var best = -1
        var bestKey = 0.0
        for w in workforce.workers.indices {
            let efficiency = workforce.workerTable.efficiency(w, slot)
            guard efficiency > 0, workforce.workers[w].present, !workforce.workers[w].leaving,
                  workforce.workers[w].task == .none else {
                continue
            }
            let key: Double
            switch configuration.workerChoice {
            case .firstFree: return w
            case .leastBusy: key = workforce.workers[w].busyTime
            case .mostQualified: key = -efficiency
            }
            if best < 0 || key < bestKey {
                best = w
                bestKey = key
            }
        }
        return best < 0 ? nil : best
    }

    /// Workers at work (not leaving) qualified for skill `slot`.
    func workersAtWork(slot: Int) -> Int {
        var count = 0
        for w in workforce.workers.indices where workforce.workers[w].present && !workforce.workers[w].leaving
            && workforce.workerTable.efficiency(w, slot) > 0 {
            count += 1
        }
        return count
    }

    /// Does machine `m` need an operator to start a job of `family`? Always for `step` stations;
    /// for `setup` stations only when a changeover is due.
    func needsOperator(_ m: Int, family: Int32) -> Bool {
        let station = Int(fleet.machines[m].station)
        switch stationTable.operatorNeed[station] {
        case .step?: return true
        case .setup?:
            guard let setup = configuration.stations[station].setup else { return false }
            let current = self.family(of: m)
            if current == family { return false }
            return (current < 0 ? setup.initial[Int(family)] : setup.times[Int(current)][Int(family)]) != nil
        case nil: return false
        }
    }

    mutating func assign(_ w: Int, task: WorkerTask, machine m: Int, now: Double) {
        workforce.workers[w].task = task
        workforce.workers[w].machine = Int32(m)
        workforce.workers[w].taskSince = now
        if task == .operate {
            fleet.machines[m].operatorWorker = Int32(w)
        } else {
            reliability.health[m].technician = Int32(w)
        }
    }

    /// The worker's task ends: its time is accounted; the worker leaves if the shift is over,
    /// else takes the next waiting task.
    mutating func releaseWorker(_ w: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        accountTask(w, until: now)
        workforce.workers[w].busyTime += now - workforce.workers[w].taskSince
        let m = Int(workforce.workers[w].machine)
        if workforce.workers[w].task == .operate {
            fleet.machines[m].operatorWorker = -1
        } else {
            reliability.health[m].technician = -1
        }
        workforce.workers[w].task = .none
        workforce.workers[w].machine = -1
        if workforce.workers[w].leaving {
            leave(w, at: now)
            return
        }
        offerWork(to: w, calendar: &calendar)
    }

    /// Adds the time of the worker's current task (since the later of its start and the start of
    /// the statistics) to the labour statistics.
    mutating func accountTask(_ w: Int, until now: Double) {
        let since = max(workforce.workers[w].taskSince, instrumentation.statistics.start)
        guard now > since, workforce.workers[w].task != .none else { return }
        let station = workforce.workers[w].task == .operate
            ? Int(fleet.machines[Int(workforce.workers[w].machine)].station) : -1
        instrumentation.workerWorked(w, pool: Int(workforce.workers[w].pool),
                                     activity: workforce.workers[w].task.activity,
                                     station: station, duration: now - since)
    }

    /// A free worker takes the oldest waiting repair it may do, else resumes a step suspended at
    /// a shift end, else lets the stations that wait for one of its skills dispatch.
    mutating func offerWork(to w: Int, calendar: inout EventCalendar<FactoryEvent>) {
        if workforce.workerTable.efficiency(w, workforce.workerTable.repairSlot) > 0,
           let m = workforce.technicianQueue.popFirst() {
            startTechnicianRepair(of: Int(m), by: w, calendar: &calendar)
            return
        }
        if workforce.workerTable.efficiency(w, workforce.workerTable.repairSlot) > 0,
           let position = workforce.maintenanceQueue.firstIndex(where: { isFree(Int($0))
               && reliability.health[Int($0)].pendingMaintenance > 0 }) {
            let m = Int(workforce.maintenanceQueue.remove(at: position))
            _ = beginPendingMaintenance(m, calendar: &calendar)
            return
        }
        if let position = workforce.suspendedSteps.firstIndex(where: {
            workforce.workerTable.efficiency(w, Int(fleet.machines[Int($0)].station)) > 0
        }) {
            let m = Int(workforce.suspendedSteps.remove(at: position))
            resumeStep(m, with: w, calendar: &calendar)
            return
        }
        for station in workforce.waitingForOperator.indices where workforce.waitingForOperator[station]
            && workforce.workerTable.efficiency(w, station) > 0 {
            workforce.waitingForOperator[station] = false
            requestDispatch(at: station, calendar: &calendar)
        }
    }

    /// A failed machine asks for a technician (a worker with the repair skill), or waits for one
    /// first come, first served.
    mutating func requestTechnician(for m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        if let w = chooseWorker(slot: workforce.workerTable.repairSlot) {
            startTechnicianRepair(of: m, by: w, calendar: &calendar)
        } else {
            workforce.technicianQueue.append(Int32(m))
        }
    }

    mutating func startTechnicianRepair(of m: Int, by w: Int, calendar: inout EventCalendar<FactoryEvent>) {
        assign(w, task: .repair, machine: m, now: calendar.now)
        let station = Int(fleet.machines[m].station)
        let law = reliability.health[m].wornOut ? configuration.stations[station].wear!.repairTime
            : configuration.stations[station].breakdowns!.repairTime
        let repair = law.sampleDuration(&reliability.health[m].rngRepair)
            / workforce.workerTable.efficiency(w, workforce.workerTable.repairSlot)
        if instrumentation.logsEvents { log(.repairStart, machine: Int32(m), worker: Int32(w), value: repair) }
        calendar.schedule(.repairDone(machine: Int32(m)), after: repair)
    }

    /// A worker resumes a step that was stopped when its operator's shift ended.
    mutating func resumeStep(_ m: Int, with w: Int, calendar: inout EventCalendar<FactoryEvent>) {
        assign(w, task: .operate, machine: m, now: calendar.now)
        resumeStep(m, calendar: &calendar)
    }

    /// The worker goes home: scheduled time (or overtime, after a shift end) is accounted.
    mutating func leave(_ w: Int, at now: Double) {
        accountPresence(w, until: now)
        workforce.workers[w].present = false
        workforce.workers[w].leaving = false
    }

    /// Adds the worker's time at work since the last accounting: scheduled hours, or overtime
    /// once the shift has ended.
    mutating func accountPresence(_ w: Int, until now: Double) {
        guard workforce.workers[w].present else { return }
        if workforce.workers[w].leaving {
            let since = max(workforce.workers[w].shiftEndedAt, instrumentation.statistics.start)
            if now > since { instrumentation.workerPresent(w, duration: now - since, overtime: true) }
            workforce.workers[w].shiftEndedAt = now
        } else {
            let since = max(workforce.workers[w].presentSince, instrumentation.statistics.start)
            if now > since { instrumentation.workerPresent(w, duration: now - since, overtime: false) }
            workforce.workers[w].presentSince = now
        }
    }
}

extension FactoryModel {
    /// After a repair, a step that needs an operator (the operator went to other work when the
    /// machine failed) resumes with a free qualified worker, or waits for one — off shift while
    /// none is at work.
    mutating func resumeWithOperator(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let station = Int(fleet.machines[m].station)
        let needsOne = stationTable.operatorNeed[station] == .step || fleet.machines[m].interrupted == .setup
        if !needsOne, fleet.machines[m].interrupted != nil {
            resumeStep(m, calendar: &calendar)
        } else if let w = chooseWorker(slot: station) {
            resumeStep(m, with: w, calendar: &calendar)
        } else {
            setState(m, workersAtWork(slot: station) == 0 ? .offShift : .starved, at: calendar.now)
            workforce.suspendedSteps.append(Int32(m))
        }
    }
}
