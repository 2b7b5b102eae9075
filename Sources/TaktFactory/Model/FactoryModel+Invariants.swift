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
        let s = instrumentation.statistics
        precondition(flow.jobsInShop >= 0 && flow.ordersInShop >= 0 && flow.ordersInShop <= flow.jobsInShop,
                     "shop counts: jobsInShop \(flow.jobsInShop), ordersInShop \(flow.ordersInShop)")
        precondition(s.totalReleased == s.totalFinished + s.totalScrapped + flow.jobsInShop,
                     "jobs not conserved: released \(s.totalReleased) != finished \(s.totalFinished) + scrapped "
                     + "\(s.totalScrapped) + in shop \(flow.jobsInShop)")
        precondition(s.finishedJobs <= s.totalFinished && s.scrappedJobs <= s.totalScrapped
                     && s.lostOrders <= s.totalLost,
                     "period counters exceed whole-run ones: finished \(s.finishedJobs)/\(s.totalFinished), scrapped "
                     + "\(s.scrappedJobs)/\(s.totalScrapped), lost \(s.lostOrders)/\(s.totalLost)")
        let live = flow.jobs.count - flow.freeJobSlots.count
        precondition(live == flow.jobsInShop + flow.conwipBacklog.count,
                     "job slots: \(flow.jobs.count) slots − \(flow.freeJobSlots.count) free = \(live) live, but "
                         + "\(flow.jobsInShop) in shop + "
                     + "\(flow.conwipBacklog.count) in the CONWIP backlog")
        precondition(flow.activeSources >= 0 && flow.activeSources <= flow.sources.count,
                     "active sources \(flow.activeSources) of \(flow.sources.count)")
        if case .conwip(let cap) = configuration.release {
            precondition(flow.ordersInShop <= cap, "CONWIP: \(flow.ordersInShop) orders in the shop, cap \(cap)")
            precondition(flow.conwipBacklog.isEmpty || flow.ordersInShop == cap,
                         "CONWIP: \(flow.conwipBacklog.count) orders wait while only \(flow.ordersInShop) of \(cap) "
                             + "are in the shop")
        }
    }

    /// Every live job is in exactly one place, its `station` agrees with that place, its
    /// operation exists and can be done there, and parents count their unfinished children.
    func _checkJobLocations(now: Double) {
        var seen = [Int32](repeating: 0, count: flow.jobs.count)
        var isFree = [Bool](repeating: false, count: flow.jobs.count)
        for slot in flow.freeJobSlots {
            precondition(!isFree[Int(slot)], "job slot \(slot) is free twice")
            isFree[Int(slot)] = true
        }
        // swift-format-ignore: AlwaysUseLowerCamelCase
        // `where` is a keyword; `where_` reads as the place each message names.
        func place(_ job: Int32, _ where_: @autoclosure () -> String, station expected: Int32) {
            let index = Int(job)
            precondition(index >= 0 && index < flow.jobs.count && !isFree[index],
                         "\(where_()) holds job slot \(job), which is free or out of range")
            seen[index] += 1
            precondition(seen[index] == 1,
                         "job \(flow.jobs[index].serial) (slot \(job)) is in more than one place; one is \(where_())")
            precondition(flow.jobs[index].station == expected,
                         "job \(flow.jobs[index].serial) in \(where_()) has station \(flow.jobs[index].station), "
                             + "expected \(expected)")
            let operations = configuration.products[Int(flow.jobs[index].product)].routing
            precondition(flow.jobs[index].operation >= 0 && Int(flow.jobs[index].operation) < operations.count,
                         "job \(flow.jobs[index].serial) in \(where_()) is at operation \(flow.jobs[index].operation) "
                             + "of \(operations.count)")
            if expected >= 0 {
                precondition(operations[Int(flow.jobs[index].operation)].stations.contains(Int(expected)),
                             "job \(flow.jobs[index].serial) waits at station \(expected) for operation "
                                 + "\(flow.jobs[index].operation), "
                             + "which that station does not do")
                precondition(flow.jobs[index].queueEntryTime <= now,
                             "job \(flow.jobs[index].serial) entered its queue at "
                             + "\(flow.jobs[index].queueEntryTime), after now \(now)")
            }
        }
        for station in flow.queues.indices {
            for job in flow.queues[station] { place(job, "the queue of station \(station)", station: Int32(station)) }
            for k in 0..<flow.entryBacklog[station].count {
                let job = flow.entryBacklog[station][k]
                place(job, "the entry backlog of station \(station)", station: Int32(station))
                precondition(flow.jobs[Int(job)].operation == 0,
                             "job \(flow.jobs[Int(job)].serial) waits to enter the shop at operation "
                             + "\(flow.jobs[Int(job)].operation)")
            }
        }
        for k in 0..<flow.conwipBacklog.count {
            let job = flow.conwipBacklog[k]
            place(job, "the CONWIP backlog", station: -1)
            precondition(flow.jobs[Int(job)].isOrder && flow.jobs[Int(job)].parent < 0,
                         "job \(flow.jobs[Int(job)].serial) in the CONWIP backlog is not an order")
        }
        for m in fleet.machines.indices {
            let count = Int(fleet.machines[m].heldCount)
            precondition(count >= 0 && count <= fleet.maxBatch,
                         "machine \(m) holds \(count) jobs, at most \(fleet.maxBatch) possible")
            for k in 0..<count { place(fleet.held[m * fleet.maxBatch + k], "machine \(m)", station: -1) }
        }
        var children = [Int32](repeating: 0, count: flow.jobs.count)
        var orders = 0
        for index in flow.jobs.indices where !isFree[index] {
            precondition(seen[index] == 1,
                         "job \(flow.jobs[index].serial) (slot \(index)) is live but in no queue, backlog or machine")
            if flow.jobs[index].isOrder { orders += 1 }
            let parent = Int(flow.jobs[index].parent)
            if parent >= 0 {
                precondition(parent < flow.jobs.count && !isFree[parent] && parent != index,
                             "job \(flow.jobs[index].serial) has parent slot \(parent), which is not a live job")
                children[parent] += 1
            }
        }
        for index in flow.jobs.indices where !isFree[index] {
            precondition(flow.jobs[index].pendingChildren == children[index],
                         "job \(flow.jobs[index].serial) counts \(flow.jobs[index].pendingChildren) unfinished "
                             + "sub-assemblies, "
                         + "\(children[index]) are in the shop")
        }
        let ordersWaiting = flow.conwipBacklog.count
        precondition(orders - ordersWaiting == flow.ordersInShop,
                     "orders in the shop: counted \(flow.ordersInShop), found \(orders - ordersWaiting) (+ "
                         + "\(ordersWaiting) in the CONWIP backlog)")
    }

    /// Machine states agree with held jobs, pending completions, failures, blocking and the
    /// lists of machines waiting for something.
    func _checkMachines(calendar: borrowing EventCalendar<FactoryEvent>) {
        let now = calendar.now
        for m in fleet.machines.indices {
            let machine = fleet.machines[m]
            let health = reliability.health[m]
            let name = "machine \(m) (station \(machine.station), \(machine.state.name))"
            precondition(machine.stateSince <= now, "\(name): state since \(machine.stateSince), after now \(now)")
            precondition(health.wear >= 0 && !health.wear.isNaN, "\(name): wear \(health.wear)")
            if let batch = configuration.stations[Int(machine.station)].batch {
                precondition(machine.heldCount <= batch.maxSize,
                             "\(name) holds \(machine.heldCount) jobs, batch max \(batch.maxSize)")
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
                             "\(name): interrupted \(String(describing: machine.interrupted)), blocked on "
                                 + "\(machine.blockedOn)")
                precondition(machine.inSetup == (machine.state == .setup), "\(name): inSetup \(machine.inSetup)")
            case .blocked:
                precondition(machine.heldCount > 0 && machine.blockedOn >= 0,
                             "\(name): holds \(machine.heldCount), blocked on \(machine.blockedOn)")
            case .idle, .maintenance:
                precondition(machine.heldCount == 0 && machine.interrupted == nil,
                             "\(name): holds \(machine.heldCount), interrupted "
                                 + "\(String(describing: machine.interrupted))")
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
                for k in 0..<flow.blockedMachines[target].count where flow.blockedMachines[target][k] == Int32(m) {
                    entries += 1
                }
                precondition(entries == 1, "\(name) is blocked on station \(target) but listed there \(entries) times")
                precondition(machine.heldCount > 0, "\(name) is blocked on station \(target) holding nothing")
            }
            if let event = health.failureEvent {
                precondition(calendar.payload(of: event) == .failure(machine: Int32(m)),
                             "\(name): its failure event is not pending (or not its own)")
            }
            if machine.state != .down {
                precondition(reliability.repairingMember[m] < 0 && health.technician < 0
                             || machine.state == .maintenance,
                             "\(name) is not down but has repairer \(reliability.repairingMember[m]) / technician "
                                 + "\(health.technician)")
            }
        }
        for station in flow.blockedMachines.indices {
            for k in 0..<flow.blockedMachines[station].count {
                let m = Int(flow.blockedMachines[station][k])
                precondition(fleet.machines[m].blockedOn == Int32(station),
                             "station \(station) lists machine \(m) as blocked on it, which is blocked on "
                                 + "\(fleet.machines[m].blockedOn)")
            }
        }
        for m in workforce.suspendedSteps {
            precondition(fleet.machines[Int(m)].interrupted != nil && fleet.machines[Int(m)].operatorWorker < 0
                         && fleet.machines[Int(m)].completion == nil,
                         "suspended machine \(m): interrupted "
                             + "\(String(describing: fleet.machines[Int(m)].interrupted)), operator "
                         + "\(fleet.machines[Int(m)].operatorWorker)")
        }
        precondition(Set(workforce.suspendedSteps).count == workforce.suspendedSteps.count,
                     "a machine is suspended twice: \(workforce.suspendedSteps)")
        precondition(Set(workforce.maintenanceQueue).count == workforce.maintenanceQueue.count,
                     "a machine waits twice for maintenance: \(workforce.maintenanceQueue)")
        var waitingForRepair = Set<Int32>()
        for k in 0..<workforce.technicianQueue.count {
            let m = workforce.technicianQueue[k]
            precondition(waitingForRepair.insert(m).inserted, "machine \(m) waits twice for a repairer")
            precondition(fleet.machines[Int(m)].state == .down && reliability.health[Int(m)].technician < 0,
                         "machine \(m) waits for a technician while \(fleet.machines[Int(m)].state.name), technician "
                             + "\(reliability.health[Int(m)].technician)")
        }
        for crew in reliability.repairQueues.indices {
            for k in 0..<reliability.repairQueues[crew].count {
                let m = reliability.repairQueues[crew][k]
                precondition(waitingForRepair.insert(m).inserted, "machine \(m) waits twice for a repairer")
                precondition(fleet.machines[Int(m)].state == .down && reliability.repairingMember[Int(m)] < 0,
                             "machine \(m) waits for crew \(crew) while \(fleet.machines[Int(m)].state.name), repairer "
                                 + "\(reliability.repairingMember[Int(m)])")
            }
        }
        for station in flow.dispatching.indices {
            precondition(!flow.dispatching[station], "station \(station) is still dispatching between events")
        }
    }

    /// Each worker and crew member does at most one thing, and what they serve points back at them.
    func _checkPeople() {
        for w in workforce.workers.indices {
            let worker = workforce.workers[w]
            let m = Int(worker.machine)
            switch worker.task {
            case .none:
                precondition(m < 0, "worker \(w) has no task but machine \(m)")
            case .operate:
                precondition(m >= 0 && fleet.machines[m].operatorWorker == Int32(w),
                             "worker \(w) operates machine \(m), whose operator is "
                                 + "\(m >= 0 ? fleet.machines[m].operatorWorker : -1)")
            case .repair, .maintain:
                precondition(m >= 0 && reliability.health[m].technician == Int32(w),
                             "worker \(w) (\(worker.task)) serves machine \(m), whose technician is "
                                 + "\(m >= 0 ? reliability.health[m].technician : -1)")
            }
            if worker.task != .none {
                precondition(worker.present, "worker \(w) has task \(worker.task) but is not at work")
            }
            if worker.leaving { precondition(worker.present, "worker \(w) is leaving but not at work") }
        }
        for m in fleet.machines.indices {
            let op = Int(fleet.machines[m].operatorWorker), tech = Int(reliability.health[m].technician)
            if op >= 0 {
                precondition(workforce.workers[op].task == .operate && Int(workforce.workers[op].machine) == m,
                             "machine \(m) has operator \(op), who is \(workforce.workers[op].task) on machine "
                                 + "\(workforce.workers[op].machine)")
                // a station's own shift end (`interrupt`) parks the step, and its operator, until the next shift
                precondition(fleet.machines[m].state == .busy || fleet.machines[m].state == .setup
                             || fleet.machines[m].state == .offShift && fleet.machines[m].interrupted != nil,
                             "machine \(m) keeps operator \(op) while \(fleet.machines[m].state.name)")
            }
            if tech >= 0 {
                precondition((workforce.workers[tech].task == .repair || workforce.workers[tech].task == .maintain)
                             && Int(workforce.workers[tech].machine) == m,
                             "machine \(m) has technician \(tech), who is \(workforce.workers[tech].task) on machine "
                                 + "\(workforce.workers[tech].machine)")
                let expected: MachineState = workforce.workers[tech].task == .repair ? .down : .maintenance
                precondition(fleet.machines[m].state == expected,
                             "machine \(m) is \(fleet.machines[m].state.name) with a technician on "
                             + "\(workforce.workers[tech].task)")
            }
            let member = Int(reliability.repairingMember[m])
            if member >= 0 {
                precondition(reliability.crewMembers[member].repairing == Int32(m),
                             "machine \(m) has repairer \(member), who repairs "
                                 + "\(reliability.crewMembers[member].repairing)")
            }
        }
        for member in reliability.crewMembers.indices {
            let m = Int(reliability.crewMembers[member].repairing)
            if m >= 0 {
                precondition(reliability.repairingMember[m] == Int32(member) && fleet.machines[m].state == .down,
                             "crew member \(member) repairs machine \(m) (\(fleet.machines[m].state.name)), whose "
                                 + "repairer is \(reliability.repairingMember[m])")
                precondition(reliability.crewMembers[member].sideJob == nil,
                             "crew member \(member) repairs and does a side job at once")
            }
        }
    }

    /// Stock and open orders are never negative; a buffer holds at most its capacity, plus jobs
    /// its own machines sent back for rework in place (at most one batch per machine).
    func _checkStocksAndBuffers() {
        for material in stores.stock.indices {
            precondition(stores.stock[material] >= 0,
                         "material \(material) ('\(configuration.materials[material].name)'): stock "
                         + "\(stores.stock[material])")
            precondition(stores.onOrder[material] >= 0, "material \(material): on order \(stores.onOrder[material])")
        }
        for station in flow.queues.indices {
            let capacity = stationTable.capacity[station]
            guard capacity < Int.max else { continue }
            let machineCount = fleet.stationFirstMachine[station + 1] - fleet.stationFirstMachine[station]
            precondition(flow.queues[station].count <= capacity + machineCount * fleet.maxBatch,
                         "station \(station) buffer holds \(flow.queues[station].count), capacity \(capacity) (+ "
                             + "\(machineCount * fleet.maxBatch) rework in place)")
            if !flow.dispatchPending[station] && flow.queues[station].count < capacity {
                precondition(flow.entryBacklog[station].isEmpty && flow.blockedMachines[station].isEmpty,
                             "station \(station) has room (\(flow.queues[station].count) of \(capacity)) while "
                                 + "\(flow.entryBacklog[station].count) "
                             + "arrivals and \(flow.blockedMachines[station].count) blocked machines wait for it")
            }
        }
    }
    #endif
}
