import TaktKernel

extension FactoryModel {
    /// Gives waiting requests of a fleet to its free vehicles: FIFO takes the oldest request and
    /// the nearest free vehicle to its pickup; nearest-first lets the first free vehicle take the
    /// request whose pickup is nearest to it (the oldest on ties).
    mutating func dispatchVehicles(fleet: Int, calendar: inout EventCalendar<FactoryEvent>) {
        while !transport.requests[fleet].isEmpty {
            var vehicle = -1, request = 0
            switch transport.fleets[fleet].dispatching {
            case .fifo:
                let pickup = transport.links[Int(transport.requests[fleet][0].link)].from
                var best = Double.infinity
                for v in transport.vehicles.indices where transport.vehicles[v].fleet == fleet
                    && !transport.vehicles[v].busy {
                    let distance = transport.spec.distance(Int(transport.vehicles[v].location), pickup)
                    if distance < best { (best, vehicle) = (distance, v) }
                }
            case .nearest:
                guard let v = transport.vehicles.indices.first(where: {
                    transport.vehicles[$0].fleet == fleet && !transport.vehicles[$0].busy
                }) else { break }
                vehicle = v
                var best = Double.infinity
                for (k, waiting) in transport.requests[fleet].enumerated() {
                    let pickup = transport.links[Int(waiting.link)].from
                    let distance = transport.spec.distance(Int(transport.vehicles[v].location), pickup)
                    if distance < best { (best, request) = (distance, k) }
                }
            }
            guard vehicle >= 0 else { return }
            startTrip(vehicle, request: transport.requests[fleet].remove(at: request), calendar: &calendar)
        }
    }

    /// A vehicle drives empty to the pickup, loads, drives loaded, unloads.
    mutating func startTrip(_ v: Int, request: TransportSystem.Request, calendar: inout EventCalendar<FactoryEvent>) {
        let now = calendar.now
        let link = Int(request.link)
        let fleet = Int(transport.vehicles[v].fleet)
        let spec = transport.fleets[fleet]
        let from = transport.links[link].from, to = transport.links[link].to
        let empty = transport.spec.distance(Int(transport.vehicles[v].location), from) / spec.speed
        var loaded = transport.spec.distance(from, to) / spec.speed
        if case .vehicle(_, let tripTime?) = transport.links[link].means {
            loaded = tripTime.sampleDuration(&transport.streams[link])
        }
        transport.vehicles[v].busy = true
        transport.vehicles[v].job = request.job
        transport.vehicles[v].link = request.link
        transport.vehicles[v].location = Int32(to)
        transport.vehicles[v].dispatchedAt = request.since
        instrumentation.vehicleDispatched(fleet: fleet, wait: now + empty + spec.loadTime - request.since)
        instrumentation.vehiclesBusyChanged(fleet: fleet, busy: transport.busyVehicles[fleet], at: now)
        calendar.schedule(.vehicleDelivered(vehicle: Int32(v)), after: empty + spec.loadTime + loaded + spec.unloadTime)
    }

    /// A vehicle has unloaded its job at the station: the job joins the queue, the vehicle takes
    /// the next request.
    mutating func vehicleDelivered(_ v: Int, calendar: inout EventCalendar<FactoryEvent>) {
        let job = transport.vehicles[v].job, link = Int(transport.vehicles[v].link)
        let fleet = Int(transport.vehicles[v].fleet)
        let requested = transport.vehicles[v].dispatchedAt
        transport.vehicles[v].busy = false
        transport.vehicles[v].job = -1
        transport.vehicles[v].link = -1
        instrumentation.vehiclesBusyChanged(fleet: fleet, busy: transport.busyVehicles[fleet], at: calendar.now)
        deliver(job, link: link, transit: calendar.now - requested, calendar: &calendar)
        dispatchVehicles(fleet: fleet, calendar: &calendar)
    }
}
