import TaktKernel

/// Jobs between stations: the links that join stations, the places reserved in the buffers
/// ahead, what is on each conveyor, and the vehicles with their requests.
///
/// The mechanisms are in this folder (`FactoryModel+Transport`, `+Vehicles`). A job leaving a
/// machine for a station joined by a link reserves a place in that station's buffer (so a
/// blocking line stays sound while parts travel) and boards the link; it joins the queue when it
/// arrives.
struct TransportSystem {
    /// One vehicle: where it is, and the trip it is on.
    struct Vehicle {
        var fleet: Int32
        /// The station it stands at (or drives to).
        var location: Int32
        var busy: Bool
        var job: Int32 = -1
        var link: Int32 = -1
        /// When it set off to fetch the job, and when it picked the job up.
        var dispatchedAt: Double = 0
        var pickedUpAt: Double = 0
    }

    /// A job waiting for a vehicle at its pickup station.
    struct Request {
        var job: Int32
        var link: Int32
        var since: Double
    }

    /// `linkIndex[from * stations + to]`: the link joining two stations, or -1.
    let linkIndex: [Int32]
    let links: [TransportSpec.Link]
    let fleets: [TransportSpec.Fleet]
    let spec: TransportSpec
    let stationCount: Int
    /// Is any link defined?
    let isActive: Bool
    /// Places reserved in each station's buffer by jobs on their way there.
    var inbound: [Int]
    /// Parts on each link now (conveyors are limited by their capacity).
    var onLink: [Int]
    var vehicles: [Vehicle]
    /// Requests waiting for a vehicle, per fleet, oldest first.
    var requests: [[Request]]
    /// One random stream per link for its travel times.
    var streams: [Xoshiro256StarStar]
    /// When each job on a delay or conveyor link boarded it (by job slot).
    var boardedAt: [Int32: Double] = [:]

    init(_ configuration: FactoryConfiguration, streams randomStreams: RandomStreams) {
        let spec = configuration.transport ?? TransportSpec()
        self.spec = spec
        stationCount = configuration.stations.count
        links = spec.links
        isActive = !spec.links.isEmpty
        fleets = spec.fleets
        var index = Array(repeating: Int32(-1), count: stationCount * stationCount)
        for (k, link) in spec.links.enumerated() { index[link.from * stationCount + link.to] = Int32(k) }
        linkIndex = index
        inbound = Array(repeating: 0, count: stationCount)
        onLink = Array(repeating: 0, count: spec.links.count)
        vehicles = spec.fleets.enumerated().flatMap { fleet, spec in
            Array(repeating: Vehicle(fleet: Int32(fleet), location: Int32(spec.home ?? 0), busy: false),
                  count: spec.count)
        }
        requests = Array(repeating: [], count: spec.fleets.count)
        streams = spec.links.indices.map { randomStreams.stream(entity: "transport-link-\($0)", purpose: "travel") }
    }


    /// The link from one station to another, if any.
    @inline(__always)
    func link(from: Int, to: Int) -> Int? {
        let k = linkIndex[from * stationCount + to]
        return k >= 0 ? Int(k) : nil
    }

    /// Vehicles busy in each fleet now.
    var busyVehicles: [Int] {
        var busy = Array(repeating: 0, count: fleets.count)
        for vehicle in vehicles where vehicle.busy { busy[Int(vehicle.fleet)] += 1 }
        return busy
    }
}
