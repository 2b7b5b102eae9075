import TaktKernel

extension FactoryModel {
    /// Checks the model's structural invariants after an event: time never runs backwards, jobs
    /// are conserved and each live job is in exactly one place (a queue, an entry backlog, the
    /// CONWIP backlog or on one machine), machine states agree with the jobs they hold and their
    /// pending events, workers and crew members have at most one task and the machines they
    /// serve point back at them, stock is never negative, buffers hold no more than they may.
    /// A failure stops the run with a message that names the broken invariant and its values.
    ///
    /// Compiled only with `-DTAKT_INTERNAL_CHECKS`; otherwise an empty inlined call, so release
    /// runs are as fast as without it.
    @inline(__always)
    func _checkInvariants(previousTime: Double, calendar: borrowing EventCalendar<FactoryEvent>) {
        #if TAKT_INTERNAL_CHECKS
        let now = calendar.now
        precondition(now >= previousTime, "time ran backwards: event at \(now) after one at \(previousTime)")
        _checkJobConservation()
        _checkJobLocations(now: now)
        _checkMachines(calendar: calendar)
        _checkPeople()
        _checkStocksAndBuffers()
        #endif
    }

    #if TAKT_INTERNAL_CHECKS
    /// Whole-run counters add up, and the live job slots are those the shop and the CONWIP backlog hold.
    func _checkJobConservation() {
        let s = statistics
        precondition(jobsInShop >= 0 && ordersInShop >= 0 && ordersInShop <= jobsInShop,
                     "shop counts: jobsInShop \(jobsInShop), ordersInShop \(ordersInShop)")
        precondition(s.totalReleased == s.totalFinished + s.totalScrapped + jobsInShop,
                     "jobs not conserved: released \(s.totalReleased) != finished \(s.totalFinished) + scrapped "
                     + "\(s.totalScrapped) + in shop \(jobsInShop)")
        precondition(s.finishedJobs <= s.totalFinished && s.scrappedJobs <= s.totalScrapped && s.lostOrders <= s.totalLost,
                     "period counters exceed whole-run ones: finished \(s.finishedJobs)/\(s.totalFinished), scrapped "
                     + "\(s.scrappedJobs)/\(s.totalScrapped), lost \(s.lostOrders)/\(s.totalLost)")
        let live = jobs.count - freeJobSlots.count
        precondition(live == jobsInShop + conwipBacklog.count,
                     "job slots: \(jobs.count) slots − \(freeJobSlots.count) free = \(live) live, but \(jobsInShop) in shop + "
                     + "\(conwipBacklog.count) in the CONWIP backlog")
        precondition(activeSources >= 0 && activeSources <= sources.count, "active sources \(activeSources) of \(sources.count)")
        if case .conwip(let cap) = configuration.release {
            precondition(ordersInShop <= cap, "CONWIP: \(ordersInShop) orders in the shop, cap \(cap)")
            precondition(conwipBacklog.isEmpty || ordersInShop == cap,
                         "CONWIP: \(conwipBacklog.count) orders wait while only \(ordersInShop) of \(cap) are in the shop")
        }
    }

    /// Every live job is in exactly one place, its `station` agrees with that place, its
    /// operation exists and can be done there, and parents count their unfinished children.
    func _checkJobLocations(now: Double) {
        var seen = [Int32](repeating: 0, count: jobs.count)
        var isFree = [Bool](repeating: false, count: jobs.count)
        for slot in freeJobSlots {
            precondition(!isFree[Int(slot)], "job slot \(slot) is free twice")
            isFree[Int(slot)] = true
        }
        func place(_ job: Int32, _ where_: @autoclosure () -> String, station expected: Int32) {
            let index = Int(job)
            precondition(index >= 0 && index < jobs.count && !isFree[index], "\(where_()) holds job slot \(job), which is free or out of range")
            seen[index] += 1
            precondition(seen[index] == 1, "job \(jobs[index].serial) (slot \(job)) is in more than one place; one is \(where_())")
            precondition(jobs[index].station == expected,
                         "job \(jobs[index].serial) in \(where_()) has station \(jobs[index].station), expected \(expected)")
            let operations = configuration.products[Int(jobs[index].product)].routing
            precondition(jobs[index].operation >= 0 && Int(jobs[index].operation) < operations.count,
                         "job \(jobs[index].serial) in \(where_()) is at operation \(jobs[index].operation) of \(operations.count)")
            if expected >= 0 {
                precondition(operations[Int(jobs[index].operation)].stations.contains(Int(expected)),
                             "job \(jobs[index].serial) waits at station \(expected) for operation \(jobs[index].operation), "
                             + "which that station does not do")
                precondition(jobs[index].queueEntryTime <= now, "job \(jobs[index].serial) entered its queue at "
                             + "\(jobs[index].queueEntryTime), after now \(now)")
            }
        }
        for station in queues.indices {
            for job in queues[station] { place(job, "the queue of station \(station)", station: Int32(station)) }
            for k in 0..<entryBacklog[station].count {
                let job = entryBacklog[station][k]
                place(job, "the entry backlog of station \(station)", station: Int32(station))
                precondition(jobs[Int(job)].operation == 0, "job \(jobs[Int(job)].serial) waits to enter the shop at operation "
                             + "\(jobs[Int(job)].operation)")
            }
        }
        for k in 0..<conwipBacklog.count {
            let job = conwipBacklog[k]
            place(job, "the CONWIP backlog", station: -1)
            precondition(jobs[Int(job)].isOrder && jobs[Int(job)].parent < 0,
                         "job \(jobs[Int(job)].serial) in the CONWIP backlog is not an order")
        }
        for m in machines.indices {
            let count = Int(machines[m].heldCount)
            precondition(count >= 0 && count <= maxBatch, "machine \(m) holds \(count) jobs, at most \(maxBatch) possible")
            for k in 0..<count { place(held[m * maxBatch + k], "machine \(m)", station: -1) }
        }
        var children = [Int32](repeating: 0, count: jobs.count)
        var orders = 0
        for index in jobs.indices where !isFree[index] {
            precondition(seen[index] == 1, "job \(jobs[index].serial) (slot \(index)) is live but in no queue, backlog or machine")
            if jobs[index].isOrder { orders += 1 }
            let parent = Int(jobs[index].parent)
            if parent >= 0 {
                precondition(parent < jobs.count && !isFree[parent] && parent != index,
                             "job \(jobs[index].serial) has parent slot \(parent), which is not a live job")
                children[parent] += 1
            }
        }
        for index in jobs.indices where !isFree[index] {
            precondition(jobs[index].pendingChildren == children[index],
                         "job \(jobs[index].serial) counts \(jobs[index].pendingChildren) unfinished sub-assemblies, "
                         + "\(children[index]) are in the shop")
        }
        let ordersWaiting = conwipBacklog.count
        precondition(orders - ordersWaiting == ordersInShop,
                     "orders in the shop: counted \(ordersInShop), found \(orders - ordersWaiting) (+ \(ordersWaiting) in the CONWIP backlog)")
    }

    /// Machine states agree with held jobs, pending completions, failures, blocking and the
    /// lists of machines waiting for something.
    func _checkMachines(calendar: borrowing EventCalendar<FactoryEvent>) {
        let now = calendar.now
        for m in machines.indices {
            let machine = machines[m]
            let name = "machine \(m) (station \(machine.station), \(machine.state.name))"
            precondition(machine.stateSince <= now, "\(name): state since \(machine.stateSince), after now \(now)")
            precondition(machine.wear >= 0 && !machine.wear.isNaN, "\(name): wear \(machine.wear)")
            if let batch = configuration.stations[Int(machine.station)].batch {
                precondition(machine.heldCount <= batch.maxSize, "\(name) holds \(machine.heldCount) jobs, batch max \(batch.maxSize)")
            } else {
                precondition(machine.heldCount <= 1, "\(name) holds \(machine.heldCount) jobs at a single-job station")
            }
            if let completion = machine.completion {
                precondition(calendar.payload(of: completion) == .completion(machine: Int32(m)),
                             "\(name): its completion event is not pending (or not its own)")
                precondition(machine.state == .busy || machine.state == .setup, "\(name) has a pending completion")
            }
            switch machine.state {
            case .busy, .setup:
                precondition(machine.completion != nil, "\(name) has no pending completion")
                precondition(machine.heldCount > 0, "\(name) holds no job")
                precondition(machine.interrupted == nil && machine.blockedOn < 0,
                             "\(name): interrupted \(String(describing: machine.interrupted)), blocked on \(machine.blockedOn)")
                precondition(machine.inSetup == (machine.state == .setup), "\(name): inSetup \(machine.inSetup)")
            case .blocked:
                precondition(machine.heldCount > 0 && machine.blockedOn >= 0,
                             "\(name): holds \(machine.heldCount), blocked on \(machine.blockedOn)")
            case .idle, .maintenance:
                precondition(machine.heldCount == 0 && machine.interrupted == nil,
                             "\(name): holds \(machine.heldCount), interrupted \(String(describing: machine.interrupted))")
            case .starved, .offShift, .down:
                // a step suspended for want of an operator, a shift break or a repair keeps its jobs
                precondition(machine.heldCount == 0 || machine.interrupted != nil || machine.blockedOn >= 0,
                             "\(name) holds \(machine.heldCount) jobs with no interrupted step and no blocking")
            }
            if machine.interrupted != nil {
                precondition(machine.heldCount > 0, "\(name) has an interrupted step but holds no job")
            }
            if machine.blockedOn >= 0 {
                let target = Int(machine.blockedOn)
                var entries = 0
                for k in 0..<blockedMachines[target].count where blockedMachines[target][k] == Int32(m) { entries += 1 }
                precondition(entries == 1, "\(name) is blocked on station \(target) but listed there \(entries) times")
                precondition(machine.heldCount > 0, "\(name) is blocked on station \(target) holding nothing")
            }
            if let event = machine.failureEvent {
                precondition(calendar.payload(of: event) == .failure(machine: Int32(m)),
                             "\(name): its failure event is not pending (or not its own)")
            }
            if machine.state != .down {
                precondition(repairingMember[m] < 0 && machine.technician < 0 || machine.state == .maintenance,
                             "\(name) is not down but has repairer \(repairingMember[m]) / technician \(machine.technician)")
            }
        }
        for station in blockedMachines.indices {
            for k in 0..<blockedMachines[station].count {
                let m = Int(blockedMachines[station][k])
                precondition(machines[m].blockedOn == Int32(station),
                             "station \(station) lists machine \(m) as blocked on it, which is blocked on \(machines[m].blockedOn)")
            }
        }
        for m in suspendedSteps {
            precondition(machines[Int(m)].interrupted != nil && machines[Int(m)].operatorWorker < 0
                         && machines[Int(m)].completion == nil,
                         "suspended machine \(m): interrupted \(String(describing: machines[Int(m)].interrupted)), operator "
                         + "\(machines[Int(m)].operatorWorker)")
        }
        precondition(Set(suspendedSteps).count == suspendedSteps.count, "a machine is suspended twice: \(suspendedSteps)")
        precondition(Set(maintenanceQueue).count == maintenanceQueue.count, "a machine waits twice for maintenance: \(maintenanceQueue)")
        var waitingForRepair = Set<Int32>()
        for k in 0..<technicianQueue.count {
            let m = technicianQueue[k]
            precondition(waitingForRepair.insert(m).inserted, "machine \(m) waits twice for a repairer")
            precondition(machines[Int(m)].state == .down && machines[Int(m)].technician < 0,
                         "machine \(m) waits for a technician while \(machines[Int(m)].state.name), technician \(machines[Int(m)].technician)")
        }
        for crew in repairQueues.indices {
            for k in 0..<repairQueues[crew].count {
                let m = repairQueues[crew][k]
                precondition(waitingForRepair.insert(m).inserted, "machine \(m) waits twice for a repairer")
                precondition(machines[Int(m)].state == .down && repairingMember[Int(m)] < 0,
                             "machine \(m) waits for crew \(crew) while \(machines[Int(m)].state.name), repairer \(repairingMember[Int(m)])")
            }
        }
        for station in dispatching.indices {
            precondition(!dispatching[station], "station \(station) is still dispatching between events")
        }
    }

    /// Each worker and crew member does at most one thing, and what they serve points back at them.
    func _checkPeople() {
        for w in workers.indices {
            let worker = workers[w]
            let m = Int(worker.machine)
            switch worker.task {
            case .none:
                precondition(m < 0, "worker \(w) has no task but machine \(m)")
            case .operate:
                precondition(m >= 0 && machines[m].operatorWorker == Int32(w),
                             "worker \(w) operates machine \(m), whose operator is \(m >= 0 ? machines[m].operatorWorker : -1)")
            case .repair, .maintain:
                precondition(m >= 0 && machines[m].technician == Int32(w),
                             "worker \(w) (\(worker.task)) serves machine \(m), whose technician is \(m >= 0 ? machines[m].technician : -1)")
            }
            if worker.task != .none { precondition(worker.present, "worker \(w) has task \(worker.task) but is not at work") }
            if worker.leaving { precondition(worker.present, "worker \(w) is leaving but not at work") }
        }
        for m in machines.indices {
            let op = Int(machines[m].operatorWorker), tech = Int(machines[m].technician)
            if op >= 0 {
                precondition(workers[op].task == .operate && Int(workers[op].machine) == m,
                             "machine \(m) has operator \(op), who is \(workers[op].task) on machine \(workers[op].machine)")
                // a station's own shift end (`interrupt`) parks the step, and its operator, until the next shift
                precondition(machines[m].state == .busy || machines[m].state == .setup
                             || machines[m].state == .offShift && machines[m].interrupted != nil,
                             "machine \(m) keeps operator \(op) while \(machines[m].state.name)")
            }
            if tech >= 0 {
                precondition((workers[tech].task == .repair || workers[tech].task == .maintain) && Int(workers[tech].machine) == m,
                             "machine \(m) has technician \(tech), who is \(workers[tech].task) on machine \(workers[tech].machine)")
                let expected: MachineState = workers[tech].task == .repair ? .down : .maintenance
                precondition(machines[m].state == expected, "machine \(m) is \(machines[m].state.name) with a technician on \(workers[tech].task)")
            }
            let member = Int(repairingMember[m])
            if member >= 0 {
                precondition(crewMembers[member].repairing == Int32(m),
                             "machine \(m) has repairer \(member), who repairs \(crewMembers[member].repairing)")
            }
        }
        for member in crewMembers.indices {
            let m = Int(crewMembers[member].repairing)
            if m >= 0 {
                precondition(repairingMember[m] == Int32(member) && machines[m].state == .down,
                             "crew member \(member) repairs machine \(m) (\(machines[m].state.name)), whose repairer is \(repairingMember[m])")
                precondition(crewMembers[member].sideJob == nil, "crew member \(member) repairs and does a side job at once")
            }
        }
    }

    /// Stock and open orders are never negative; a buffer holds at most its capacity, plus jobs
    /// its own machines sent back for rework in place (at most one batch per machine).
    func _checkStocksAndBuffers() {
        for material in stock.indices {
            precondition(stock[material] >= 0, "material \(material) ('\(configuration.materials[material].name)'): stock \(stock[material])")
            precondition(onOrder[material] >= 0, "material \(material): on order \(onOrder[material])")
        }
        for station in queues.indices {
            let capacity = stationTable.capacity[station]
            guard capacity < Int.max else { continue }
            let machineCount = stationFirstMachine[station + 1] - stationFirstMachine[station]
            precondition(queues[station].count <= capacity + machineCount * maxBatch,
                         "station \(station) buffer holds \(queues[station].count), capacity \(capacity) (+ \(machineCount * maxBatch) rework in place)")
            if !dispatchPending[station] && queues[station].count < capacity {
                precondition(entryBacklog[station].isEmpty && blockedMachines[station].isEmpty,
                             "station \(station) has room (\(queues[station].count) of \(capacity)) while \(entryBacklog[station].count) "
                             + "arrivals and \(blockedMachines[station].count) blocked machines wait for it")
            }
        }
    }
    #endif
}
