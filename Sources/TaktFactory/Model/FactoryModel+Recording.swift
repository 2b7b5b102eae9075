import TaktKernel

extension FactoryModel {
    /// Hands over the rows logged since the last call (the caller writes them somewhere).
    public mutating func takeRecords() -> FactoryRecords {
        let taken = records
        records.events.removeAll(keepingCapacity: true)
        records.operations.removeAll(keepingCapacity: true)
        records.jobs.removeAll(keepingCapacity: true)
        records.states.removeAll(keepingCapacity: true)
        records.samples.removeAll(keepingCapacity: true)
        records.sensors.removeAll(keepingCapacity: true)
        records.truth.removeAll(keepingCapacity: true)
        records.process.removeAll(keepingCapacity: true)
        records.inspections.removeAll(keepingCapacity: true)
        records.defects.removeAll(keepingCapacity: true)
        return taken
    }

    /// Names and units of the time-series columns (see `FactoryConfiguration.timeseriesColumns`).
    public var timeseriesColumns: [String] { configuration.timeseriesColumns }
    public var timeseriesUnits: [String] { configuration.timeseriesUnits }

    /// Logs an event if its kind is selected. Call only when `logsEvents` (checked at the call
    /// site so a run without event logging pays one branch).
    mutating func log(_ kind: EventKind, job: Int32 = -1, machine: Int32 = -1, station: Int32 = -1,
                      material: Int32 = -1, worker: Int32 = -1, product: Int32 = -1, operation: Int = -1, value: Double = 0) {
        guard recording.events.includes(kind) else { return }
        var row = EventRow(time: currentTime, kind: kind, machine: machine, station: station, worker: worker,
                           material: material, value: value)
        if job >= 0 {
            row.job = jobs[Int(job)].serial
            row.product = jobs[Int(job)].product
        } else {
            row.product = product
        }
        if machine >= 0 && station < 0 { row.station = machines[Int(machine)].station }
        records.events.append(row)
    }

    /// Writes a job's row when it leaves the shop.
    mutating func recordJob(_ job: Int32, outcome: JobOutcome, now: Double) {
        let record = jobs[Int(job)]
        let parentSerial = record.parent >= 0 ? jobs[Int(record.parent)].serial : -1
        records.jobs.append(JobRow(
            job: record.serial, product: record.product, quantity: record.quantity, parent: parentSerial,
            isOrder: record.isOrder ? 1 : 0, outcome: outcome.rawValue, priority: record.priority, reworks: record.reworks,
            arrival: record.arrivalTime, release: record.releaseTime, start: record.firstStart, finish: now,
            due: record.dueDate, tardiness: record.dueDate.isFinite ? max(0, now - record.dueDate) : 0))
    }

    /// Writes the interval a machine spent in its current state, up to `now`.
    mutating func recordStateInterval(_ m: Int, until now: Double) {
        guard recording.states else { return }
        let since = machines[m].stateSince
        guard now > since else { return }
        records.states.append(StateRow(machine: Int32(m), station: machines[m].station,
                                       state: UInt8(machines[m].state.rawValue), start: since, end: now))
    }

    /// One time-series row, and the next sample.
    mutating func takeSample(calendar: inout EventCalendar<FactoryEvent>) {
        guard let interval = recording.sampleInterval else { return }
        records.samples.append(calendar.now)
        records.samples.append(Double(jobsInShop))
        for queue in queues { records.samples.append(Double(queue.count)) }
        for station in configuration.stations.indices {
            var busy = 0
            for m in stationFirstMachine[station]..<stationFirstMachine[station + 1]
                where machines[m].state == .busy || machines[m].state == .setup { busy += 1 }
            records.samples.append(Double(busy))
        }
        for level in stock { records.samples.append(Double(level)) }
        for index in configuration.environment.indices { records.samples.append(environment.value(index, at: calendar.now)) }
        // Sampling must not keep a finished run alive: stop sampling once nothing else is pending.
        if !calendar.isEmpty { calendar.schedule(.sample, after: interval, priority: 2) }
    }
}
