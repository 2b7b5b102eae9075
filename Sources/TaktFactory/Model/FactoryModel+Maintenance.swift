import TaktKernel

extension FactoryModel {
    /// A maintenance window opens at a station: free machines stop now, busy ones after their step.
    mutating func maintenanceStarts(at station: Int, window: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let spec = configuration.stations[station].maintenance[window]
        for m in stationFirstMachine[station]..<stationFirstMachine[station + 1] {
            if isFree(m) {
                startMaintenance(m, duration: spec.duration, calendar: &calendar)
            } else {
                machines[m].pendingMaintenance = max(machines[m].pendingMaintenance, spec.duration)
            }
        }
        if let period = spec.period {
            calendar.schedule(.maintenanceStart(station: Int32(station), window: Int32(window)), after: period)
        }
    }

    mutating func startMaintenance(_ m: Int, duration: Double, calendar: inout EventCalendar<FactoryEvent>) {
        machines[m].pendingMaintenance = 0
        if let wear = configuration.stations[Int(machines[m].station)].wear {
            machines[m].wear *= 1 - wear.maintenanceRestores
            drawFailureLevel(m)
        }
        if logsEvents { log(.maintenanceStart, machine: Int32(m), value: duration) }
        setState(m, .maintenance, at: calendar.now)
        calendar.schedule(.maintenanceEnd(machine: Int32(m)), after: duration)
    }
}
