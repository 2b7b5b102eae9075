import TaktKernel

extension FactoryModel {
    /// Dispatches at a station now, or — if other events are due at this same instant — once they
    /// have all run, so the rule chooses among every job available at this time (non-delay
    /// dispatching with full information, independent of event order within an instant).
    mutating func requestDispatch(at station: Int, calendar: inout EventCalendar<FactoryEvent>) {
        if flow.dispatchPending[station] { return }
        if calendar.nextTime() == calendar.now {
            flow.dispatchPending[station] = true
            calendar.schedule(.dispatch(station: Int32(station)), at: calendar.now, priority: 1)
        } else {
            dispatch(at: station, calendar: &calendar)
        }
    }

    /// Starts waiting jobs on free machines while both exist, then lets blocked machines and
    /// waiting arrivals into the freed buffer space. Re-entrant calls are folded into the loop.
    mutating func dispatch(at station: Int, calendar: inout EventCalendar<FactoryEvent>) {
        if flow.dispatching[station] {
            flow.redispatch[station] = true
            return
        }
        flow.dispatching[station] = true
        repeat {
            flow.redispatch[station] = false
            if stationTable.isBatch[station] {
                dispatchBatches(at: station, calendar: &calendar)
            } else {
                dispatchSingle(at: station, calendar: &calendar)
            }
            admitWaiting(at: station, calendar: &calendar)
        } while flow.redispatch[station]
        flow.dispatching[station] = false
    }

    mutating func dispatchSingle(at station: Int, calendar: inout EventCalendar<FactoryEvent>) {
        if control.schedules {
            dispatchScheduled(at: station, calendar: &calendar)
            return
        }
        let first = fleet.stationFirstMachine[station]
        let last = fleet.stationFirstMachine[station + 1]
        while !flow.queues[station].isEmpty {
            // the ranked path inline: an outlined non-mutating call from here copies the whole
            // model (2,368 bytes) per dispatch
            let choice = flow.rankedQueue[station] ? firstStartable(at: station)
                : selectJob(at: station, now: calendar.now)
            guard let position = choice else { break }
            let job = flow.queues[station][position]
            let family = routes.family[Int(flow.jobs[Int(job)].product)]
            var chosen = -1
            for m in first..<last where isFree(m) {
                if chosen < 0 { chosen = m }
                if self.family(of: m) == family { chosen = m; break }
            }
            guard chosen >= 0 else { break }
            var worker = -1
            if stationTable.operatorNeed[station] != nil && needsOperator(chosen, family: family) {
                guard let free = chooseWorker(slot: station) else {
                    workforce.waitingForOperator[station] = true
                    // Without an operator for a changeover, a machine still runs a job it is set up for.
                    guard stationTable.operatorNeed[station] == .setup,
                          let (position, m) = jobWithoutChangeover(at: station) else { break }
                    startWaiting(at: position, station: station, on: m, worker: -1, calendar: &calendar)
                    continue
                }
                worker = free
            }
            startWaiting(at: position, station: station, on: chosen, worker: worker, calendar: &calendar)
        }
        settleFreeMachines(at: station, now: calendar.now)
    }

    /// The first waiting job (in queue order: the rule's order at a ranked station, else entry
    /// order) that can start on a free machine already set up for its family, and that machine.
    func jobWithoutChangeover(at station: Int) -> (position: Int, machine: Int)? {
        for (position, job) in flow.queues[station].enumerated() where canStart(job, at: station) {
            let family = routes.family[Int(flow.jobs[Int(job)].product)]
            for m in fleet.machines(of: station) where isFree(m)
                && self.family(of: m) == family {
                return (position, m)
            }
        }
        return nil
    }

    /// Free machines are idle when nothing waits (or a scheduler `held` the work back), starved
    /// when jobs wait but none can start.
    mutating func settleFreeMachines(at station: Int, now: Double, held: Bool = false) {
        var anyFree = false
        for m in fleet.machines(of: station) where isFree(m) {
            anyFree = true
            break
        }
        guard anyFree else { return }
        var target: MachineState = flow.queues[station].isEmpty || held ? .idle : .starved
        let unattended = stationTable.operatorNeed[station] == .step && workersAtWork(slot: station) == 0
        if unattended { target = .offShift }
        if target == .starved && !stationTable.isBatch[station] { countShortages(at: station) }
        for m in fleet.machines(of: station) where isFree(m)
            && fleet.machines[m].state != target {
            setState(m, target, at: now)
            fleet.machines[m].awaitsWorker = unattended
        }
    }

    /// A machine that can take a job: idle or starved (or off shift only for want of an
    /// operator), holding nothing.
    @inline(__always)
    func isFree(_ m: Int) -> Bool {
        fleet.machines.withUnsafeBufferPointer { machine in
            let state = machine[m].state
            return (state == .idle || state == .starved || (state == .offShift && machine[m].awaitsWorker))
                && machine[m].heldCount == 0
        }
    }

    /// The setup family a machine is set up for (read in place: `Machine` is large).
    @inline(__always)
    func family(of m: Int) -> Int32 {
        fleet.machines.withUnsafeBufferPointer { $0[m].family }
    }

    /// Lets machines blocked on this station, then arrivals waiting at its door, into free buffer
    /// space, in the order they started waiting.
    mutating func admitWaiting(at station: Int, calendar: inout EventCalendar<FactoryEvent>) {
        while hasRoom(station) {
            if let m = flow.blockedMachines[station].popFirst() {
                fleet.machines[Int(m)].blockedOn = -1
                moveHeldJobs(from: Int(m), calendar: &calendar)
                // blocked again (on a full conveyor): the others wait their turn behind it
                if fleet.machines[Int(m)].blockedOn >= 0 { break }
            } else if let job = flow.entryBacklog[station].popFirst() {
                enqueue(job, at: station, calendar: &calendar)
            } else {
                break
            }
        }
    }

    /// The position in the station's queue of the job the rule picks among the jobs that can
    /// start (components present, materials in stock), or nil if none can.
    func selectJob(at station: Int, now: Double) -> Int? {
        if flow.rankedQueue[station] { return firstStartable(at: station) }
        let rule = stationTable.rule[station]
        let queue = flow.queues[station]
        var meanTime = 0.0
        if case .atc = rule {
            for job in queue { meanTime += expectedTime(job) }
            meanTime /= Double(max(1, queue.count))
        }
        var best: Int?
        var bestKey = 0.0, bestTie = 0.0, bestSerial: Int64 = 0
        for position in queue.indices {
            let job = queue[position]
            guard canStart(job, at: station) else { continue }
            let (key, tie) = priorityKey(rule, job: job, now: now, meanTime: meanTime)
            let serial = flow.jobs[Int(job)].serial
            if best == nil || key < bestKey || (key == bestKey && (tie < bestTie || (tie == bestTie
                                                                                     && serial < bestSerial))) {
                best = position
                bestKey = key
                bestTie = tie
                bestSerial = serial
            }
        }
        return best
    }

    /// Expected processing time of the job's current operation (standard time × quantity).
    @inline(__always)
    func expectedTime(_ job: Int32) -> Double {
        let record = flow.jobs[Int(job)]
        return routes.meanTime[routes.index(product: record.product,
                                            operation: record.operation)] * Double(record.quantity)
    }

    /// The rule's sort key (smaller first) and a secondary key; the job serial breaks what remains.
    /// Always inlined: called from a mutating method, an outlined call copied the whole model
    /// (2,368 bytes) per call.
    @inline(__always)
    func priorityKey(_ rule: DispatchRule, job: Int32, now: Double, meanTime: Double) -> (Double, Double) {
        // fields read in place: `let record = jobs[job]` copied the whole Job (256 bytes) per call
        flow.jobs.withUnsafeBufferPointer { buffer in
            return priorityKey(rule, record: buffer.baseAddress! + Int(job), now: now, meanTime: meanTime)
        }
    }

    @inline(__always)
    private func priorityKey(_ rule: DispatchRule, record: UnsafePointer<Job>, now: Double,
                             meanTime: Double) -> (Double, Double) {
        let index = routes.index(product: record.pointee.product, operation: record.pointee.operation)
        let quantity = Double(record.pointee.quantity)
        let operationsLeft = Double(routes.count(product: record.pointee.product) - Int(record.pointee.operation))
        return rule.priorityKey(expectedTime: routes.meanTime[index] * quantity,
                                remainingWork: routes.remainingWork[index] * quantity, operationsLeft: operationsLeft,
                                dueDate: record.pointee.dueDate, priority: Double(record.pointee.priority),
                                queueEntryTime: record.pointee.queueEntryTime, now: now, meanTime: meanTime)
    }

    /// True if the job's current operation can start: its sub-assemblies are done (when it
    /// consumes any) and the materials it consumes are in stock. Counts a shortage once.
    @inline(__always)
    func canStart(_ job: Int32, at station: Int) -> Bool {
        let product = flow.jobs[Int(job)].product, operationIndex = flow.jobs[Int(job)].operation
        if !routes.consumesAnything[routes.index(product: product, operation: operationIndex)] { return true }
        let record = flow.jobs[Int(job)]
        let operation = configuration.products[Int(product)].routing[Int(operationIndex)]
        for use in operation.consumes {
            switch use.item {
            case .product:
                if record.pendingChildren > 0 { return false }
            case .material(let material):
                if stores.stock[material] < use.quantity * Int(record.quantity) { return false }
            }
        }
        return true
    }
}
