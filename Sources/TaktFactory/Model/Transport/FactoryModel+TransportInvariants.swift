extension FactoryModel {
    /// Transport: the places reserved in each buffer are the jobs on their way there, a link
    /// carries what boarded it and has not arrived (a conveyor no more than its capacity), a busy
    /// vehicle carries one job and a free one none, and a buffer's jobs and reservations fit in it.
    func _checkTransport() {
        guard transport.isActive else { return }
        var toward = Array(repeating: 0, count: transport.stationCount)
        var onLink = Array(repeating: 0, count: transport.links.count)
        // a delay or conveyor job's link is in its pending arrival event; count them through the
        // requests and vehicles here and the rest by difference
        for fleet in transport.requests.indices {
            for request in transport.requests[fleet] { onLink[Int(request.link)] += 1 }
        }
        for vehicle in transport.vehicles {
            precondition(vehicle.busy == (vehicle.job >= 0), "a vehicle is busy without a job or has one while free")
            if vehicle.job >= 0 { onLink[Int(vehicle.link)] += 1 }
        }
        var travelling = 0
        for (k, link) in transport.links.enumerated() {
            precondition(transport.onLink[k] >= 0, "transport link \(k) carries \(transport.onLink[k]) jobs")
            if case .conveyor(_, _, let capacity) = link.means {
                precondition(transport.onLink[k] <= capacity,
                             "conveyor \(k) carries \(transport.onLink[k]) parts, more than its \(capacity)")
            }
            if case .vehicle = link.means {
                precondition(onLink[k] == transport.onLink[k],
                             "vehicle link \(k) counts \(transport.onLink[k]) jobs, \(onLink[k]) are requested or "
                                 + "carried")
            } else {
                travelling += transport.onLink[k]
            }
            toward[link.to] += transport.onLink[k]
        }
        precondition(travelling == transport.boardedAt.count,
                     "\(travelling) jobs travel by delay or conveyor, \(transport.boardedAt.count) boarded")
        for station in toward.indices {
            precondition(transport.inbound[station] == toward[station],
                         "station \(station) has \(transport.inbound[station]) places reserved, "
                             + "\(toward[station]) jobs are on their way")
            precondition(toward[station] == 0
                            || flow.queues[station].count + toward[station] <= stationTable.capacity[station],
                         "station \(station): \(flow.queues[station].count) waiting and \(toward[station]) on their "
                             + "way exceed its buffer")
        }
    }
}
