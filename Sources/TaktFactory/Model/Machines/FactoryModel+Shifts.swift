import TaktKernel

extension FactoryModel {
    /// Working time starts or ends at a station; the next change is scheduled.
    mutating func shiftChange(at station: Int, calendar: inout EventCalendar<FactoryEvent>) {
        guard let shifts = configuration.stations[station].calendar else { return }
        let now = calendar.now
        if shifts.isWorking(at: now) {
            shiftStarts(at: station, calendar: &calendar)
        } else {
            shiftEnds(at: station, rule: shifts.atShiftEnd, calendar: &calendar)
        }
        if let change = shifts.nextChange(after: now) {
            calendar.schedule(.shiftChange(station: Int32(station)), at: change, priority: -1)
        }
    }

    /// Free machines go off shift at once; busy ones finish their step first, or stop now and
    /// resume at the next shift (`ShiftEndRule`); blocked, down or maintained ones stop when that ends.
    mutating func shiftEnds(at station: Int, rule: ShiftEndRule, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        for m in fleet.machines(of: station) {
            let state = fleet.machines[m].state
            if isFree(m) {
                setState(m, .offShift, at: now)
            } else if rule == .interrupt && (state == .busy || state == .setup),
                      suspendStep(m, restart: false, calendar: &calendar) {
                setState(m, .offShift, at: now)
            } else if state != .offShift {
                fleet.machines[m].offShiftPending = true
            }
        }
    }

    /// Off-shift machines resume an interrupted step, or become free and look for work.
    mutating func shiftStarts(at station: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        for m in fleet.machines(of: station) {
            fleet.machines[m].offShiftPending = false
            guard fleet.machines[m].state == .offShift else { continue }
            if fleet.machines[m].interrupted != nil {
                resumeStep(m, calendar: &calendar)
            } else if fleet.machines[m].heldCount > 0 {
                setState(m, .blocked, at: now)
            } else {
                setState(m, .idle, at: now)
                machineFree(m, calendar: &calendar)
            }
        }
    }
}
