import TaktKernel

extension FactoryModel {
    /// Operating-time failures: the failure clock runs only while the machine processes.
    mutating func startOperatingClock(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        guard stationTable.failureBasis[Int(fleet.machines[m].station)] == 1 else { return }
        reliability.health[m].operatingSince = calendar.now
        reliability.health[m].failureEvent = calendar.schedule(.failure(machine: Int32(m)),
                                                               after: reliability.health[m].timeToFailure)
    }

    mutating func stopOperatingClock(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        guard stationTable.failureBasis[Int(fleet.machines[m].station)] == 1,
              let event = reliability.health[m].failureEvent else {
            return
        }
        calendar.cancel(event)
        reliability.health[m].failureEvent = nil
        reliability.health[m].timeToFailure =
            max(0, reliability.health[m].timeToFailure - (calendar.now - reliability.health[m].operatingSince))
    }

    /// A machine fails: an interrupted setup or step is suspended, and a repair is requested.
    /// A calendar-time failure during planned maintenance is skipped (the maintenance renews the
    /// machine) and the next one drawn.
    mutating func failure(of m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let station = Int(fleet.machines[m].station)
        guard let breakdowns = configuration.stations[station].breakdowns else { return }
        reliability.health[m].failureEvent = nil
        if fleet.machines[m].state == .maintenance || fleet.machines[m].state == .down
            || fleet.machines[m].state == .offShift {
            if breakdowns.basis == .calendarTime { renewFailureClock(m, breakdowns, calendar: &calendar) }
            return
        }
        instrumentation.machineFailed(station: station)
        instrumentation.warningsSeeFailure(of: m, at: now, degradingSince: .nan, wornOut: false)
        reliability.failuresSeen[m] += 1
        if instrumentation.logsEvents { log(.failure, machine: Int32(m)) }
        if suspendStep(m, restart: breakdowns.afterRepair == .restart, calendar: &calendar),
           breakdowns.basis == .operatingTime {
            reliability.health[m].timeToFailure = 0
        }
        if fleet.machines[m].operatorWorker >= 0 {
            releaseWorker(Int(fleet.machines[m].operatorWorker), calendar: &calendar)
        }
        goDown(m, repairTime: breakdowns.repairTime, crew: breakdowns.crew, technician: breakdowns.byTechnician,
               calendar: &calendar)
        if hasMaintenanceController {
            notifyMaintenanceControllers(.failure(machine: m, time: now), calendar: &calendar)
        }
        if control.schedules { notifySchedulers(.failed(machine: m, time: now), calendar: &calendar) }
    }

    /// The machine is down: a repair starts now, or waits for a member of its crew or a technician.
    mutating func goDown(_ m: Int, repairTime: Distribution, crew: Int?, technician: Bool,
                         calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        reliability.health[m].failedAt = now
        setState(m, .down, at: now)
        if technician {
            requestTechnician(for: m, calendar: &calendar)
        } else if let crew {
            requestRepair(of: m, crew: crew, calendar: &calendar)
        } else {
            let repair = repairTime.sampleDuration(&reliability.health[m].rngRepair)
            if instrumentation.logsEvents { log(.repairStart, machine: Int32(m), value: repair) }
            calendar.schedule(.repairDone(machine: Int32(m)), after: repair)
        }
    }

    /// A repair ends: the machine gets a new time to failure and resumes (or restarts) its
    /// interrupted step, or returns to what it was doing.
    mutating func repairDone(of m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let station = Int(fleet.machines[m].station)
        instrumentation.machineRepaired(station: station, downtime: now - reliability.health[m].failedAt)
        if instrumentation.logsEvents {
            log(.repairEnd, machine: Int32(m), value: now - reliability.health[m].failedAt)
        }
        releaseRepairer(of: m, calendar: &calendar)
        if reliability.health[m].technician >= 0 {
            releaseWorker(Int(reliability.health[m].technician), calendar: &calendar)
        }
        if reliability.health[m].wornOut {
            reliability.health[m].wornOut = false
            if let wear = configuration.stations[station].wear { reliability.health[m].wear *= 1 - wear.repairRestores }
            renewWear(m)
        } else if let breakdowns = configuration.stations[station].breakdowns {
            renewFailureClock(m, breakdowns, calendar: &calendar)
        }
        if hasMaintenanceController {
            notifyMaintenanceControllers(.repaired(machine: m, time: now), calendar: &calendar)
        }
        if control.schedules { notifySchedulers(.repaired(machine: m, time: now), calendar: &calendar) }
        if fleet.machines[m].interrupted != nil && stationTable.operatorNeed[station] != nil {
            resumeWithOperator(m, calendar: &calendar)
        } else if fleet.machines[m].interrupted != nil {
            resumeStep(m, calendar: &calendar)
        } else if fleet.machines[m].blockedOn >= 0 {
            setState(m, .blocked, at: now)
        } else {
            setState(m, .idle, at: now)
            machineFree(m, calendar: &calendar)
        }
    }

    /// Draws a new time to failure (divided by the environment's factor on the failure rate at
    /// this station, if any): on the calendar basis the failure is scheduled; on the operating
    /// basis it is the operating time left, spent while the machine processes. The one place a
    /// time to failure is drawn.
    mutating func renewFailureClock(_ m: Int, _ breakdowns: BreakdownSpec,
                                    calendar: inout EventCalendar<FactoryEvent>) {
        var ttf = breakdowns.timeToFailure.sampleDuration(&reliability.health[m].rngFailure)
        let station = Int(fleet.machines[m].station)
        if environment.affects(.failureRate, station: station) {
            let factor = environment.factor(.failureRate, station: station, at: calendar.now)
            ttf = factor > 0 ? ttf / factor : .infinity
        }
        if breakdowns.basis == .operatingTime {
            reliability.health[m].timeToFailure = ttf
        } else {
            reliability.health[m].failureEvent = calendar.schedule(.failure(machine: Int32(m)), after: ttf)
        }
    }
}
