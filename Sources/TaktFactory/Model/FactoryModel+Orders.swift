import TaktKernel

extension FactoryModel {
    /// An order arrives: create its job (and sub-assembly jobs), then release or hold it.
    mutating func orderArrives(from source: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let order = sources[source].nextOrder(now: now, routes: routes)
        if !sources[source].scheduleNext(&calendar, source: Int32(source)) { activeSources -= 1 }
        let firstStation = chooseStation(product: order.product, operation: 0)
        if logsEvents { log(.orderArrival, station: Int32(firstStation), product: Int32(order.product), value: Double(order.quantity)) }
        if sources[source].spec.whenFull == .reject, !hasRoom(firstStation) {
            if logsEvents { log(.orderLost, station: Int32(firstStation), product: Int32(order.product), value: Double(order.quantity)) }
            statistics.lostOrders += 1
            statistics.totalLost += 1
            checkAllDone(calendar: &calendar)
            return
        }
        guard jobsInShop < configuration.mostJobsInShop else {
            let fullest = queues.indices.max { queues[$0].count < queues[$1].count } ?? 0
            fail("\(jobsInShop) jobs are in the shop, the most a run may hold (\(configuration.mostJobsInShop)): orders "
                + "arrive faster than the line can make them; the longest queue is at station "
                + "'\(configuration.stations[fullest].name)' (\(queues[fullest].count) jobs)", calendar: &calendar)
            return
        }
        let job = createJob(product: order.product, quantity: order.quantity, parent: -1, due: order.due,
                            priority: order.priority, arrival: now, isOrder: true)
        if case .conwip(let cap) = configuration.release, ordersInShop >= cap {
            conwipBacklog.append(job)
        } else {
            release(job, calendar: &calendar)
        }
    }

    /// Creates a job in a free slot, with its own random stream keyed by its serial number.
    mutating func createJob(product: Int, quantity: Int, parent: Int32, due: Double, priority: Int,
                            arrival: Double, isOrder: Bool) -> Int32 {
        let serial = nextSerial
        nextSerial += 1
        let job = Job(serial: serial, product: Int32(product), operation: 0, quantity: Int32(quantity), parent: parent,
                      pendingChildren: 0, station: -1, priority: Int32(priority), arrivalTime: arrival,
                      releaseTime: arrival, dueDate: due, queueEntryTime: arrival, shortageCounted: false,
                      isOrder: isOrder, firstStart: .nan, reworks: 0,
                      rng: Xoshiro256StarStar(seed: SplitMix64.mix(jobStreamBase ^ UInt64(bitPattern: serial))))
        if let slot = freeJobSlots.popLast() {
            jobs[Int(slot)] = job
            return slot
        }
        jobs.append(job)
        return Int32(jobs.count - 1)
    }

    /// Releases a job (and creates and releases its sub-assembly jobs) into the shop.
    mutating func release(_ job: Int32, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let index = Int(job)
        jobs[index].releaseTime = now
        if jobs[index].isOrder { ordersInShop += 1 }
        jobsInShop += 1
        statistics.totalReleased += 1
        statistics.wip.update(to: Double(jobsInShop), at: now)
        if logsEvents { log(.release, job: job) }
        if routes.hasSubAssemblies[Int(jobs[index].product)] {
            for operation in configuration.products[Int(jobs[index].product)].routing {
                for use in operation.consumes {
                    guard case .product(let child) = use.item else { continue }
                    let quantity = use.quantity * Int(jobs[index].quantity)
                    guard quantity <= Int(Int32.max) else {
                        let parentName = configuration.products[Int(jobs[index].product)].name
                        fail("a job of \(jobs[index].quantity) units of '\(parentName)' needs \(quantity) units of "
                            + "'\(configuration.products[child].name)', more than one job may hold (\(Int32.max)); "
                            + "order smaller quantities", calendar: &calendar)
                        continue
                    }
                    let childJob = createJob(product: child, quantity: quantity, parent: job, due: jobs[index].dueDate,
                                             priority: Int(jobs[index].priority), arrival: now, isOrder: false)
                    jobs[index].pendingChildren += 1
                    release(childJob, calendar: &calendar)
                }
            }
        }
        let station = chooseStation(product: Int(jobs[index].product), operation: 0)
        if hasRoom(station) {
            enqueue(job, at: station, calendar: &calendar)
        } else {
            jobs[index].station = Int32(station)
            entryBacklog[station].append(job)
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
                RoutingAlternative(station: station, queueLength: queues[station].count, machines: configuration.stations[station].machines,
                                   freeMachines: (stationFirstMachine[station]..<stationFirstMachine[station + 1]).filter { isFree($0) }.count)
            }
            let choice = policy.choose(from: alternatives, product: product, operation: operation, now: currentTime)
            precondition(alternatives.indices.contains(choice), "routing policy chose \(choice) of \(alternatives.count) alternatives")
            return stations[choice]
        }
        var best = stations[0]
        var bestLoad = Double.infinity
        for station in stations {
            let load = Double(queues[station].count) / Double(configuration.stations[station].machines)
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
        queues[station].count < stationTable.capacity[station]
    }

    /// Puts a job in a station's queue and asks for dispatching.
    mutating func enqueue(_ job: Int32, at station: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        jobs[Int(job)].station = Int32(station)
        jobs[Int(job)].queueEntryTime = now
        jobs[Int(job)].shortageCounted = false
        if rankedQueue[station] { insertRanked(job, at: station, now: now) } else { queues[station].append(job) }
        statistics.queueLength[station].update(to: Double(queues[station].count), at: now)
        if logsEvents { log(.queueEnter, job: job, station: Int32(station)) }
        requestDispatch(at: station, calendar: &calendar)
    }

    /// A job has completed its routing.
    mutating func finish(_ job: Int32, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let slot = Int(job)
        if logsEvents { log(.jobFinished, job: job) }
        if recording.jobs { recordJob(job, outcome: .finished, now: now) }
        let flow = now - jobs[slot].releaseTime
        statistics.flowTime.record(flow)
        statistics.flowTimeMedian.record(flow)
        statistics.flowTime95.record(flow)
        statistics.finishedJobs += 1
        statistics.totalFinished += 1
        let product = Int(jobs[slot].product)
        statistics.finishedByProduct[product] += 1
        statistics.unitsByProduct[product] += Int(jobs[slot].quantity)
        statistics.makespan = now
        if jobs[slot].reworks == 0 { statistics.quality.firstPassJobs += 1 }
        if jobs[slot].defect != 0 {
            if jobs[slot].parent >= 0 {   // a defective sub-assembly makes its assembly defective
                let parent = Int(jobs[slot].parent)
                if jobs[parent].defect == 0 { jobs[parent].defect = jobs[slot].defect }
            } else {
                statistics.quality.escapedDefects += 1
                statistics.quality.escapedUnits += Int(jobs[slot].quantity)
            }
        }
        if jobs[slot].isOrder {
            statistics.finishedOrders += 1
            statistics.leadTime.record(now - jobs[slot].arrivalTime)
            if jobs[slot].dueDate.isFinite {
                let late = max(0, now - jobs[slot].dueDate)
                statistics.tardiness.record(late)
                if late == 0 { statistics.onTime += 1 }
            }
        }
        if jobs[slot].parent >= 0 {
            let parent = Int(jobs[slot].parent)
            jobs[parent].pendingChildren -= 1
            if jobs[parent].pendingChildren == 0, jobs[parent].station >= 0 {
                requestDispatch(at: Int(jobs[parent].station), calendar: &calendar)
            }
        }
        leaveShop(job, calendar: &calendar)
    }

    /// A job is scrapped: it leaves the shop; its unfinished sub-assemblies become orphans.
    mutating func scrap(_ job: Int32, calendar: inout EventCalendar<FactoryEvent>) {
        if logsEvents { log(.jobScrapped, job: job) }
        if recording.jobs { recordJob(job, outcome: .scrapped, now: calendar.now) }
        let record = jobs[Int(job)]
        statistics.scrappedJobs += 1
        statistics.totalScrapped += 1
        statistics.scrappedByProduct[Int(record.product)] += 1
        statistics.quality.scrappedUnits += Int(record.quantity)
        if record.pendingChildren > 0 {
            for index in jobs.indices where jobs[index].parent == job { jobs[index].parent = -1 }
        }
        if record.parent >= 0 {
            let parent = Int(record.parent)
            jobs[parent].pendingChildren -= 1
            if jobs[parent].pendingChildren == 0, jobs[parent].station >= 0 {
                requestDispatch(at: Int(jobs[parent].station), calendar: &calendar)
            }
        }
        leaveShop(job, calendar: &calendar)
    }

    mutating func leaveShop(_ job: Int32, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        jobsInShop -= 1
        statistics.wip.update(to: Double(jobsInShop), at: now)
        let wasOrder = jobs[Int(job)].isOrder
        jobs[Int(job)].parent = -1
        jobs[Int(job)].station = -1
        freeJobSlots.append(job)
        if wasOrder {
            ordersInShop -= 1
            if case .conwip(let cap) = configuration.release, ordersInShop < cap, let next = conwipBacklog.popFirst() {
                release(next, calendar: &calendar)
            }
        }
        if let target = configuration.stopAfterJobs, statistics.totalFinished + statistics.totalScrapped >= target {
            calendar.requestStop()
        }
        checkAllDone(calendar: &calendar)
    }

    /// Stops the run when every source is exhausted and every job has left (e.g. a job-shop
    /// instance: the makespan is then the time of the last completion).
    mutating func checkAllDone(calendar: inout EventCalendar<FactoryEvent>) {
        if configuration.stopsWhenDone && activeSources == 0 && jobsInShop == 0 && conwipBacklog.isEmpty { calendar.requestStop() }
    }

    /// Stops the run with `message` as its failure (the first one is kept).
    mutating func fail(_ message: String, calendar: inout EventCalendar<FactoryEvent>) {
        if failure == nil { failure = message }
        calendar.requestStop()
    }
}
