import TaktKernel

extension FactoryModel {
    /// A maintenance window opens at a station: free machines stop now, busy ones after their step.
    mutating func maintenanceStarts(at station: Int, window: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let spec = configuration.stations[station].maintenance[window]
        for m in fleet.machines(of: station) {
            if isFree(m) {
                startMaintenance(m, duration: spec.duration, calendar: &calendar)
            } else {
                reliability.health[m].pendingMaintenance = max(reliability.health[m].pendingMaintenance, spec.duration)
            }
        }
        if let period = spec.period {
            calendar.schedule(.maintenanceStart(station: Int32(station), window: Int32(window)), after: period)
        }
    }

    mutating func startMaintenance(_ m: Int, duration: Double, calendar: inout EventCalendar<FactoryEvent>) {
        reliability.health[m].pendingMaintenance = 0
        instrumentation.maintenanceStarted(station: Int(fleet.machines[m].station))
        instrumentation.warningsSeeRenewal(of: m)
        // as good as new: a fresh clock at the end
        if reliability.health[m].maintenanceRenews, let event = reliability.health[m].failureEvent {
            calendar.cancel(event)
            reliability.health[m].failureEvent = nil
        }
        if let wear = configuration.stations[Int(fleet.machines[m].station)].wear {
            reliability.health[m].wear *= 1 - wear.maintenanceRestores
            renewWear(m)
        }
        if instrumentation.logsEvents { log(.maintenanceStart, machine: Int32(m), value: duration) }
        setState(m, .maintenance, at: calendar.now)
        calendar.schedule(.maintenanceEnd(machine: Int32(m)), after: duration)
    }

    /// A machine with pending maintenance is free: controller-ordered maintenance at a station
    /// whose repairs need technicians waits for one (the machine keeps working meanwhile);
    /// everything else starts now.
    mutating func beginPendingMaintenance(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) -> Bool {
        let station = Int(fleet.machines[m].station)
        let spec = configuration.stations[station]
        let needsTechnician = reliability.health[m].maintenanceRenews && ((spec.breakdowns?.byTechnician ?? false)
                                                                          || (spec.wear?.byTechnician ?? false))
        guard needsTechnician else {
            startMaintenance(m, duration: reliability.health[m].pendingMaintenance, calendar: &calendar)
            return true
        }
        guard let w = chooseWorker(slot: workforce.workerTable.repairSlot) else {
            if !workforce.maintenanceQueue.contains(Int32(m)) { workforce.maintenanceQueue.append(Int32(m)) }
            return false
        }
        workforce.maintenanceQueue.removeAll { $0 == Int32(m) }
        assign(w, task: .maintain, machine: m, now: calendar.now)
        startMaintenance(m, duration: reliability.health[m].pendingMaintenance
                             / workforce.workerTable.efficiency(w, workforce.workerTable.repairSlot),
                         calendar: &calendar)
        return true
    }

    /// Maintenance ends: the technician (if any) is released, a controller-ordered maintenance
    /// renews the failure clock, and the machine looks for work.
    mutating func maintenanceEnds(_ m: Int, calendar: inout EventCalendar<FactoryEvent>) {
        if instrumentation.logsEvents { log(.maintenanceEnd, machine: Int32(m)) }
        if reliability.health[m].technician >= 0 {
            releaseWorker(Int(reliability.health[m].technician), calendar: &calendar)
        }
        let station = Int(fleet.machines[m].station)
        if reliability.health[m].maintenanceRenews, let breakdowns = configuration.stations[station].breakdowns {
            renewFailureClock(m, breakdowns, calendar: &calendar)
        }
        reliability.health[m].maintenanceRenews = false
        if fleet.machines[m].interrupted == nil { machineFree(m, calendar: &calendar) }
        notifyMaintenanceControllers(.maintained(machine: m, time: calendar.now), calendar: &calendar)
    }
}
