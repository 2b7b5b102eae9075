import TaktKernel

extension FactoryModel {
    /// Hands over the rows logged since the last call (the caller writes them somewhere).
    package mutating func takeRecords() -> FactoryRecords {
        let taken = instrumentation.records
        instrumentation.records.events.removeAll(keepingCapacity: true)
        instrumentation.records.operations.removeAll(keepingCapacity: true)
        instrumentation.records.jobs.removeAll(keepingCapacity: true)
        instrumentation.records.states.removeAll(keepingCapacity: true)
        instrumentation.records.samples.removeAll(keepingCapacity: true)
        instrumentation.records.sensors.removeAll(keepingCapacity: true)
        instrumentation.records.truth.removeAll(keepingCapacity: true)
        instrumentation.records.process.removeAll(keepingCapacity: true)
        instrumentation.records.inspections.removeAll(keepingCapacity: true)
        instrumentation.records.defects.removeAll(keepingCapacity: true)
        instrumentation.records.vision.removeAll(keepingCapacity: true)
        instrumentation.records.visionTruth.removeAll(keepingCapacity: true)
        return taken
    }

    /// Names and units of the time-series columns (see `FactoryConfiguration.timeseriesColumns`).
    public var timeseriesColumns: [String] { configuration.timeseriesColumns }
    public var timeseriesUnits: [String] { configuration.timeseriesUnits }

    /// Logs an event if its kind is selected. Call only when `logsEvents` (checked at the call
    /// site so a run without event logging pays one branch).
    mutating func log(_ kind: EventKind, job: Int32 = -1, machine: Int32 = -1, station: Int32 = -1,
                      material: Int32 = -1, worker: Int32 = -1, product: Int32 = -1, operation: Int = -1,
                      parameter: Int32 = -1, value: Double = 0) {
        guard instrumentation.recording.events.includes(kind) else { return }
        var row = EventRow(time: instrumentation.currentTime, kind: kind, machine: machine, station: station,
                           worker: worker,
                           material: material, parameter: parameter, value: value)
        if job >= 0 {
            row.job = flow.jobs[Int(job)].serial
            row.product = flow.jobs[Int(job)].product
        } else {
            row.product = product
        }
        if machine >= 0 && station < 0 { row.station = fleet.machines[Int(machine)].station }
        instrumentation.records.events.append(row)
    }

    /// Writes a job's row when it leaves the shop.
    mutating func recordJob(_ job: Int32, outcome: JobOutcome, now: Double) {
        let record = flow.jobs[Int(job)]
        let parentSerial = record.parent >= 0 ? flow.jobs[Int(record.parent)].serial : -1
        instrumentation.records.jobs.append(JobRow(
            job: record.serial, product: record.product, quantity: record.quantity, parent: parentSerial,
            isOrder: record.isOrder ? 1 : 0, outcome: outcome.rawValue, priority: record.priority,
            reworks: record.reworks,
            arrival: record.arrivalTime, release: record.releaseTime, start: record.firstStart, finish: now,
            due: record.dueDate, tardiness: record.dueDate.isFinite ? max(0, now - record.dueDate) : 0))
    }

    /// Writes the interval a machine spent in its current state, up to `now`.
    mutating func recordStateInterval(_ m: Int, until now: Double) {
        guard instrumentation.recording.states else { return }
        let since = fleet.machines[m].stateSince
        guard now > since else { return }
        instrumentation.records.states.append(StateRow(machine: Int32(m), station: fleet.machines[m].station,
                                       state: UInt8(fleet.machines[m].state.rawValue), start: since, end: now))
    }

    /// One time-series row, and the next sample.
    mutating func takeSample(calendar: inout EventCalendar<FactoryEvent>) {
        guard let interval = instrumentation.recording.sampleInterval else { return }
        instrumentation.records.samples.append(calendar.now)
        instrumentation.records.samples.append(Double(flow.jobsInShop))
        for queue in flow.queues { instrumentation.records.samples.append(Double(queue.count)) }
        for station in configuration.stations.indices {
            var busy = 0
            for m in fleet.machines(of: station)
                where fleet.machines[m].state == .busy || fleet.machines[m].state == .setup { busy += 1 }
            instrumentation.records.samples.append(Double(busy))
        }
        for level in stores.stock { instrumentation.records.samples.append(Double(level)) }
        for index in configuration.environment.indices {
            instrumentation.records.samples.append(environment.value(index, at: calendar.now))
        }
        // Sampling must not keep a finished run alive: stop sampling once nothing else is pending.
        if !calendar.isEmpty { calendar.schedule(.sample, after: interval, priority: 2) }
    }
}
