import TaktKernel

// The job flow's invariants: jobs conserved, each live job in exactly one place.
// Compiled only with -DTAKT_INTERNAL_CHECKS; called from `_checkInvariants` after every event.
#if TAKT_INTERNAL_CHECKS
extension FactoryModel {
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
        for job in transport.boardedAt.keys.sorted() { place(job, "a transport link", station: -1) }
        for fleet in transport.requests.indices {
            for request in transport.requests[fleet] { place(request.job, "a request for fleet \(fleet)", station: -1) }
        }
        for (v, vehicle) in transport.vehicles.enumerated() where vehicle.job >= 0 {
            place(vehicle.job, "vehicle \(v)", station: -1)
        }
        var children = [Int32](repeating: 0, count: flow.jobs.count)
        var orders = 0
        for index in flow.jobs.indices where !isFree[index] {
            precondition(seen[index] == 1,
                         "job \(flow.jobs[index].serial) (slot \(index)) is live but in no queue, backlog, machine or "
                             + "transport")
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
}
#endif
