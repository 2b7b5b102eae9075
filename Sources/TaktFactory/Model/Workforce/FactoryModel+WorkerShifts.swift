import TaktKernel

extension FactoryModel {
    /// Workers of pools without a calendar are at work from the start; the others from their
    /// first shift. Schedules each pool's next shift change.
    mutating func startWorkers(calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        for (pool, spec) in configuration.workerPools.enumerated() {
            let atWork = spec.calendar?.isWorking(at: now) ?? true
            for w in workforce.workerTable.poolFirst[pool]..<workforce.workerTable.poolFirst[pool + 1] {
                workforce.workers[w].present = atWork
                workforce.workers[w].presentSince = now
            }
            if let change = spec.calendar?.nextChange(after: now) {
                calendar.schedule(.workerShiftChange(pool: Int32(pool)), at: change, priority: -1)
            }
        }
    }

    /// A pool's working time starts or ends; stations that need operators re-evaluate their machines.
    mutating func workerShiftChange(pool: Int, calendar: inout EventCalendar<FactoryEvent>) {
        guard let shifts = configuration.workerPools[pool].calendar else { return }
        let now = calendar.now
        let workersOfPool = workforce.workerTable.poolFirst[pool]..<workforce.workerTable.poolFirst[pool + 1]
        if shifts.isWorking(at: now) {
            for w in workersOfPool {
                accountPresence(w, until: now)
                workforce.workers[w].present = true
                workforce.workers[w].leaving = false
                workforce.workers[w].presentSince = now
            }
            for w in workersOfPool where workforce.workers[w].task == .none { offerWork(to: w, calendar: &calendar) }
        } else {
            for w in workersOfPool where workforce.workers[w].present {
                shiftEnds(for: w, rule: shifts.atShiftEnd, calendar: &calendar)
            }
        }
        for station in configuration.stations.indices where stationTable.operatorNeed[station] != nil {
            requestDispatch(at: station, calendar: &calendar)
        }
        if let change = shifts.nextChange(after: now) {
            calendar.schedule(.workerShiftChange(pool: Int32(pool)), at: change, priority: -1)
        }
    }

    /// A free worker leaves; a busy one finishes the task in overtime — except an operator under
    /// the `interrupt` rule, whose machine stops and waits for the next qualified operator.
    mutating func shiftEnds(for w: Int, rule: ShiftEndRule, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        accountPresence(w, until: now)
        guard workforce.workers[w].task != .none else {
            leave(w, at: now)
            return
        }
        let m = Int(workforce.workers[w].machine)
        let state = fleet.machines[m].state
        if rule == .interrupt, workforce.workers[w].task == .operate, state == .busy || state == .setup,
           suspendStep(m, restart: false, calendar: &calendar) {
            setState(m, .offShift, at: now)
            workforce.workers[w].leaving = true
            workforce.workers[w].shiftEndedAt = now
            releaseWorker(w, calendar: &calendar)
            workforce.suspendedSteps.append(Int32(m))
            return
        }
        workforce.workers[w].leaving = true
        workforce.workers[w].shiftEndedAt = now
    }
}
