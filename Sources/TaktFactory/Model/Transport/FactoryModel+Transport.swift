import TaktKernel

extension FactoryModel {
    /// Can a job board `link` now? A conveyor must have room; delays and vehicles always take it
    /// (a vehicle's job waits for one at the pickup, off the machine).
    @inline(__always)
    func canBoard(_ link: Int) -> Bool {
        if case .conveyor(_, _, let capacity) = transport.links[link].means {
            return transport.onLink[link] < capacity
        }
        return true
    }

    /// The job leaves its machine by `link`: a place in the next station's buffer is reserved,
    /// and the job travels (a delay or conveyor) or asks for a vehicle.
    mutating func board(_ job: Int32, link: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let spec = transport.links[link]
        transport.inbound[spec.to] += 1
        transport.onLink[link] += 1
        instrumentation.linkLoadChanged(link, load: transport.onLink[link], at: now)
        if instrumentation.logsEvents {
            log(.transportStart, job: job, station: Int32(spec.from), value: Double(link))
        }
        switch spec.means {
        case .delay(let time):
            transport.boardedAt[job] = now
            let travel = time.sampleDuration(&transport.streams[link])
            calendar.schedule(.transportArrival(job: job, link: Int32(link)), after: travel)
        case .conveyor(let length, let speed, _):
            transport.boardedAt[job] = now
            calendar.schedule(.transportArrival(job: job, link: Int32(link)), after: length / speed)
        case .vehicle(let fleet, _):
            transport.requests[fleet].append(TransportSystem.Request(job: job, link: Int32(link), since: now))
            dispatchVehicles(fleet: fleet, calendar: &calendar)
        }
    }

    /// A job arrives by a delay or a conveyor.
    mutating func transportArrival(_ job: Int32, link: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let boarded = transport.boardedAt.removeValue(forKey: job) ?? calendar.now
        deliver(job, link: link, transit: calendar.now - boarded, calendar: &calendar)
        // a place on a conveyor came free: a machine blocked on loading it may go
        if case .conveyor = transport.links[link].means { admitWaiting(at: transport.links[link].to,
                                                                        calendar: &calendar) }
    }

    /// The job is at the end of `link`: it takes the place it reserved in the station's queue.
    mutating func deliver(_ job: Int32, link: Int, transit: Double, calendar: inout EventCalendar<FactoryEvent>) {
        let spec = transport.links[link]
        transport.onLink[link] -= 1
        transport.inbound[spec.to] -= 1
        instrumentation.linkLoadChanged(link, load: transport.onLink[link], at: calendar.now)
        instrumentation.transportArrived(link: link, transit: transit)
        if instrumentation.logsEvents { log(.transportEnd, job: job, station: Int32(spec.to), value: transit) }
        enqueue(job, at: spec.to, calendar: &calendar)
    }

    /// Jobs on their way to `station` (they hold reserved places in its buffer).
    @inline(__always)
    func inbound(_ station: Int) -> Int {
        transport.isActive ? transport.inbound[station] : 0
    }

    /// Parts on each link now, and the vehicles busy in each fleet (for a statistics restart).
    var transportLevels: (loads: [Int], busy: [Int]) { (transport.onLink, transport.busyVehicles) }
}
