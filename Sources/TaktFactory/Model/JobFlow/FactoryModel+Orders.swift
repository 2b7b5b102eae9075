import TaktKernel

extension FactoryModel {
    /// An order arrives: create its job (and sub-assembly jobs), then release or hold it.
    mutating func orderArrives(from source: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let order = flow.sources[source].nextOrder(now: now, routes: routes)
        if !flow.sources[source].scheduleNext(&calendar, source: Int32(source)) { flow.activeSources -= 1 }
        let firstStation = chooseStation(product: order.product, operation: 0)
        if instrumentation.logsEvents {
            log(.orderArrival, station: Int32(firstStation), product: Int32(order.product),
                value: Double(order.quantity))
        }
        if flow.sources[source].spec.whenFull == .reject, !hasRoom(firstStation) {
            if instrumentation.logsEvents {
                log(.orderLost, station: Int32(firstStation), product: Int32(order.product),
                    value: Double(order.quantity))
            }
            instrumentation.orderLost()
            checkAllDone(calendar: &calendar)
            return
        }
        guard flow.jobsInShop < configuration.mostJobsInShop else {
            let fullest = flow.queues.indices.max { flow.queues[$0].count < flow.queues[$1].count } ?? 0
            fail("\(flow.jobsInShop) jobs are in the shop, the most a run may hold (\(configuration.mostJobsInShop)): "
                 + "orders "
                + "arrive faster than the line can make them; the longest queue is at station "
                + "'\(configuration.stations[fullest].name)' (\(flow.queues[fullest].count) jobs)", calendar: &calendar)
            return
        }
        let job = createJob(product: order.product, quantity: order.quantity, parent: -1, due: order.due,
                            priority: order.priority, arrival: now, isOrder: true)
        if case .conwip(let cap) = configuration.release, flow.ordersInShop >= cap {
            flow.conwipBacklog.append(job)
        } else {
            release(job, calendar: &calendar)
        }
    }

    /// Creates a job in a free slot, with its own random stream keyed by its serial number.
    mutating func createJob(product: Int, quantity: Int, parent: Int32, due: Double, priority: Int,
                            arrival: Double, isOrder: Bool) -> Int32 {
        let serial = flow.nextSerial
        flow.nextSerial += 1
        let job = Job(serial: serial, product: Int32(product), operation: 0, quantity: Int32(quantity), parent: parent,
                      pendingChildren: 0, station: -1, priority: Int32(priority), arrivalTime: arrival,
                      releaseTime: arrival, dueDate: due, queueEntryTime: arrival, shortageCounted: false,
                      isOrder: isOrder, firstStart: .nan, reworks: 0,
                      rng: Xoshiro256StarStar(seed: SplitMix64.mix(flow.jobStreamBase ^ UInt64(bitPattern: serial))))
        if let slot = flow.freeJobSlots.popLast() {
            flow.jobs[Int(slot)] = job
            return slot
        }
        flow.jobs.append(job)
        return Int32(flow.jobs.count - 1)
    }

    /// Releases a job (and creates and releases its sub-assembly jobs) into the shop.
    mutating func release(_ job: Int32, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let index = Int(job)
        flow.jobs[index].releaseTime = now
        if flow.jobs[index].isOrder { flow.ordersInShop += 1 }
        flow.jobsInShop += 1
        instrumentation.jobReleased(jobsInShop: flow.jobsInShop, at: now)
        if instrumentation.logsEvents { log(.release, job: job) }
        if routes.hasSubAssemblies[Int(flow.jobs[index].product)] {
            for operation in configuration.products[Int(flow.jobs[index].product)].routing {
                for use in operation.consumes {
                    guard case .product(let child) = use.item else { continue }
                    let quantity = use.quantity * Int(flow.jobs[index].quantity)
                    guard quantity <= Int(Int32.max) else {
                        let parentName = configuration.products[Int(flow.jobs[index].product)].name
                        fail("a job of \(flow.jobs[index].quantity) units of '\(parentName)' needs \(quantity) units "
                             + "of "
                            + "'\(configuration.products[child].name)', more than one job may hold (\(Int32.max)); "
                            + "order smaller quantities", calendar: &calendar)
                        continue
                    }
                    let childJob = createJob(product: child, quantity: quantity, parent: job,
                                             due: flow.jobs[index].dueDate,
                                             priority: Int(flow.jobs[index].priority), arrival: now, isOrder: false)
                    flow.jobs[index].pendingChildren += 1
                    release(childJob, calendar: &calendar)
                }
            }
        }
        let station = chooseStation(product: Int(flow.jobs[index].product), operation: 0)
        if hasRoom(station) {
            enqueue(job, at: station, calendar: &calendar)
        } else {
            flow.jobs[index].station = Int32(station)
            flow.entryBacklog[station].append(job)
        }
    }

    /// The station for an operation: the routing policy's choice, else among its alternatives the
    /// one with the shortest queue per machine; ties go to the first listed. (`mutating` although
    /// it changes nothing: called from mutating code, a non-mutating call made the optimiser copy
    /// the whole model onto the stack — 10% of the factory's time; docs/performance.md §7.)
    @inline(__always)
    mutating func chooseStation(product: Int, operation: Int) -> Int {
        let only = routes.onlyStation[routes.index(product: Int32(product), operation: Int32(operation))]
        if only >= 0 { return Int(only) }
        let stations = configuration.products[product].routing[operation].stations
        if stations.count == 1 { return stations[0] }
        if let policy = controllers.routing {
            let alternatives = stations.map { station in
                RoutingAlternative(station: station, queueLength: flow.queues[station].count,
                                   machines: configuration.stations[station].machines,
                                   freeMachines: fleet.machines(of: station)
                                       .filter { isFree($0) }.count)
            }
            let choice = policy.choose(from: alternatives, product: product, operation: operation,
                                       now: instrumentation.currentTime)
            precondition(alternatives.indices.contains(choice),
                         "routing policy chose \(choice) of \(alternatives.count) alternatives")
            return stations[choice]
        }
        var best = stations[0]
        var bestLoad = Double.infinity
        for station in stations {
            let load = Double(flow.queues[station].count) / Double(configuration.stations[station].machines)
            if load < bestLoad {
                best = station
                bestLoad = load
            }
        }
        return best
    }

    /// True if the station's input buffer can take one more job.
    @inline(__always)
    func hasRoom(_ station: Int) -> Bool {
        flow.queues[station].count + inbound(station) < stationTable.capacity[station]
    }

    /// Puts a job in a station's queue and asks for dispatching.
    mutating func enqueue(_ job: Int32, at station: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        flow.jobs[Int(job)].station = Int32(station)
        flow.jobs[Int(job)].queueEntryTime = now
        flow.jobs[Int(job)].shortageCounted = false
        if flow.rankedQueue[station] {
            insertRanked(job, at: station, now: now)
        } else {
            flow.queues[station].append(job)
        }
        instrumentation.queueChanged(station: station, length: flow.queues[station].count, at: now)
        if instrumentation.logsEvents { log(.queueEnter, job: job, station: Int32(station)) }
        if control.schedules {
            notifySchedulers(.queued(job: flow.jobs[Int(job)].serial, station: station, time: now), calendar: &calendar)
        }
        requestDispatch(at: station, calendar: &calendar)
    }

    /// A job has completed its routing.
    mutating func completeRouting(_ job: Int32, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let slot = Int(job)
        if instrumentation.logsEvents { log(.jobFinished, job: job) }
        if instrumentation.recording.jobs { recordJob(job, outcome: .finished, now: now) }
        var escaped = false
        if flow.jobs[slot].defect != 0 {
            if flow.jobs[slot].parent >= 0 {   // a defective sub-assembly makes its assembly defective
                let parent = Int(flow.jobs[slot].parent)
                if flow.jobs[parent].defect == 0 { flow.jobs[parent].defect = flow.jobs[slot].defect }
            } else {
                escaped = true
            }
        }
        instrumentation.jobFinished(flow.jobs[slot], escapedDefect: escaped, at: now)
        if flow.jobs[slot].parent >= 0 {
            let parent = Int(flow.jobs[slot].parent)
            flow.jobs[parent].pendingChildren -= 1
            if flow.jobs[parent].pendingChildren == 0, flow.jobs[parent].station >= 0 {
                requestDispatch(at: Int(flow.jobs[parent].station), calendar: &calendar)
            }
        }
        leaveShop(job, calendar: &calendar)
    }

    /// A job is scrapped: it leaves the shop; its unfinished sub-assemblies become orphans.
    mutating func scrap(_ job: Int32, calendar: inout EventCalendar<FactoryEvent>) {
        if instrumentation.logsEvents { log(.jobScrapped, job: job) }
        if instrumentation.recording.jobs { recordJob(job, outcome: .scrapped, now: calendar.now) }
        let record = flow.jobs[Int(job)]
        instrumentation.jobScrapped(product: record.product, quantity: record.quantity)
        if record.pendingChildren > 0 {
            for index in flow.jobs.indices where flow.jobs[index].parent == job { flow.jobs[index].parent = -1 }
        }
        if record.parent >= 0 {
            let parent = Int(record.parent)
            flow.jobs[parent].pendingChildren -= 1
            if flow.jobs[parent].pendingChildren == 0, flow.jobs[parent].station >= 0 {
                requestDispatch(at: Int(flow.jobs[parent].station), calendar: &calendar)
            }
        }
        leaveShop(job, calendar: &calendar)
    }

    mutating func leaveShop(_ job: Int32, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        flow.jobsInShop -= 1
        instrumentation.jobLeft(jobsInShop: flow.jobsInShop, at: now)
        let wasOrder = flow.jobs[Int(job)].isOrder
        flow.jobs[Int(job)].parent = -1
        flow.jobs[Int(job)].station = -1
        flow.freeJobSlots.append(job)
        if wasOrder {
            flow.ordersInShop -= 1
            if case .conwip(let cap) = configuration.release, flow.ordersInShop < cap,
               let next = flow.conwipBacklog.popFirst() {
                release(next, calendar: &calendar)
            }
        }
        if let target = configuration.stopAfterJobs,
           instrumentation.statistics.totalFinished + instrumentation.statistics.totalScrapped >= target {
            calendar.requestStop()
        }
        checkAllDone(calendar: &calendar)
    }

    /// Stops the run when every source is exhausted and every job has left (e.g. a job-shop
    /// instance: the makespan is then the time of the last completion).
    mutating func checkAllDone(calendar: inout EventCalendar<FactoryEvent>) {
        if configuration.stopsWhenDone && flow.activeSources == 0 && flow.jobsInShop == 0
            && flow.conwipBacklog.isEmpty {
            calendar.requestStop()
        }
    }

    /// Stops the run with `message` as its failure (the first one is kept).
    mutating func fail(_ message: String, calendar: inout EventCalendar<FactoryEvent>) {
        if failure == nil { failure = message }
        calendar.requestStop()
    }
}
