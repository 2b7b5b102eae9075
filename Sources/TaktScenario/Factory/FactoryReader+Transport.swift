import TaktFactory
import TaktKernel

extension FactoryReader {
    /// `transport: {positions: {saw: [0, 0], …}, metric: euclidean, vehicles: {agv: {count, speed,
    /// load, unload, dispatch, home}}, links: [{from, to, time | conveyor: {length, speed,
    /// capacity} | vehicle: agv (, time)}]}`. Lengths in metres, speeds in metres per second.
    func readTransport(_ node: Located?, stationCount: Int) -> TransportSpec? {
        guard let node, let fields = node.mapping("transport") else { return nil }
        defer { fields.finish() }
        var spec = TransportSpec()
        if let positions = fields.optional("positions")?.mapping("transport.positions") {
            for entry in positions.namedEntries {
                let path = "transport.positions.\(entry.name)"
                guard let station = stations.resolve(entry.key, what: "transport.positions") else { continue }
                let coordinates = entry.value.sequence(path)?.compactMap { $0.number(path) } ?? []
                guard coordinates.count == 2 else {
                    entry.value.error("\(path) must be [x, y] in metres, e.g. [12, 4]")
                    continue
                }
                spec.positions[station] = (coordinates[0], coordinates[1])
            }
        }
        spec.metric = fields.optional("metric")?.choice("transport.metric", among: [
            "euclidean": TransportSpec.Metric.euclidean, "rectilinear": .rectilinear]) ?? .euclidean
        var fleetNames: [String] = []
        if let vehicles = fields.optional("vehicles")?.mapping("transport.vehicles") {
            for entry in vehicles.namedEntries {
                if let fleet = readFleet(entry.name, entry.value) {
                    spec.fleets.append(fleet)
                    fleetNames.append(entry.name)
                }
            }
        }
        for (k, item) in (fields.optional("links")?.sequence("transport.links") ?? []).enumerated() {
            spec.links += readLinks(item, path: "transport.links[\(k)]", fleets: fleetNames)
        }
        var seen = Set<Int>()
        for link in spec.links where !seen.insert(link.from * stationCount + link.to).inserted {
            node.error("transport.links: two links join \(stations.names[link.from]) to \(stations.names[link.to]); "
                           + "give each pair one link")
            return nil
        }
        return spec
    }

    /// One fleet: `{count: 2, speed: 1.5, load: 30 s, unload: 30 s, dispatch: fifo | nearest, home: saw}`.
    func readFleet(_ name: String, _ node: Located) -> TransportSpec.Fleet? {
        let path = "transport.vehicles.\(name)"
        guard let fields = node.mapping(path) else { return nil }
        defer { fields.finish() }
        let count = fields.required("count", expected: "how many vehicles, e.g. 2")?
            .integer("\(path).count", in: 1...10_000)
        let speed = fields.required("speed", expected: "metres per second, e.g. 1.5")
            .flatMap { positive($0, "\(path).speed", unit: "metres per second") }
        let load = fields.optional("load")?.duration("\(path).load") ?? 0
        let unload = fields.optional("unload")?.duration("\(path).unload") ?? 0
        let dispatching = fields.optional("dispatch")?.choice("\(path).dispatch", among: [
            "fifo": TransportSpec.Fleet.Dispatching.fifo, "nearest": .nearest]) ?? .fifo
        let home = fields.optional("home").flatMap { stations.resolve($0, what: "\(path).home") }
        guard let count, let speed else { return nil }
        return TransportSpec.Fleet(name: name, count: count, speed: speed, loadTime: load, unloadTime: unload,
                                   dispatching: dispatching, home: home)
    }

    /// One entry of `links:`; `to` may be a list (one link per destination).
    func readLinks(_ node: Located, path: String, fleets: [String]) -> [TransportSpec.Link] {
        guard let fields = node.mapping(path) else { return [] }
        defer { fields.finish() }
        let from = fields.required("from", expected: "the station the jobs leave")
            .flatMap { stations.resolve($0, what: "\(path).from") }
        let toNode = fields.required("to", expected: "the station (or a list of stations) the jobs go to")
        let targets: [Int]
        if let toNode, case .sequence = toNode.node {
            targets = toNode.sequence("\(path).to")?.compactMap { stations.resolve($0, what: "\(path).to") } ?? []
        } else {
            targets = toNode.flatMap { stations.resolve($0, what: "\(path).to") }.map { [$0] } ?? []
        }
        let timeNode = fields.optional("time"), conveyorNode = fields.optional("conveyor")
        let vehicleNode = fields.optional("vehicle")
        let time = timeNode?.distribution("\(path).time")
        var means: TransportSpec.Link.Means?
        if let conveyorNode {
            if timeNode != nil || vehicleNode != nil {
                conveyorNode.error("\(path): a conveyor's time is its length / speed; give 'conveyor' alone")
            }
            means = readConveyor(conveyorNode, path: "\(path).conveyor")
        } else if let vehicleNode {
            guard let name = vehicleNode.string("\(path).vehicle") else { return [] }
            guard let fleet = fleets.firstIndex(of: name) else {
                let hint = Suggestion.closest(to: name, among: fleets).map { " did you mean '\($0)'?" } ?? ""
                vehicleNode.error("\(path).vehicle: no vehicle fleet '\(name)' under transport.vehicles.\(hint)")
                return []
            }
            means = .vehicle(fleet: fleet, tripTime: time)
        } else if let time {
            means = .delay(time)
        } else if timeNode == nil {
            node.error("\(path) needs one of 'time' (a travel time), 'conveyor' or 'vehicle'")
        }
        guard let from, let means else { return [] }
        for to in targets where to == from {
            node.error("\(path): a link from \(stations.names[from]) to itself")
            return []
        }
        return targets.map { TransportSpec.Link(from: from, to: $0, means: means) }
    }

    /// `{length: 20, speed: 0.25, capacity: 8}` (metres, metres per second, parts).
    func readConveyor(_ node: Located, path: String) -> TransportSpec.Link.Means? {
        guard let fields = node.mapping(path) else { return nil }
        defer { fields.finish() }
        let length = fields.required("length", expected: "metres, e.g. 20")
            .flatMap { positive($0, "\(path).length", unit: "metres") }
        let speed = fields.required("speed", expected: "metres per second, e.g. 0.25")
            .flatMap { positive($0, "\(path).speed", unit: "metres per second") }
        let capacity = fields.required("capacity", expected: "how many parts fit on it, e.g. 8")?
            .integer("\(path).capacity", in: 1...1_000_000)
        guard let length, let speed, let capacity else { return nil }
        return .conveyor(length: length, speed: speed, capacity: capacity)
    }

    /// A positive number of `unit` (at most a million), or nil with a diagnostic.
    func positive(_ node: Located, _ what: String, unit: String) -> Double? {
        guard let value = node.number(what) else { return nil }
        guard value > 0, value <= 1_000_000 else {
            node.error("\(what) must be a positive number of \(unit) (at most 1,000,000), found "
                           + "\(node.scalarText ?? "")")
            return nil
        }
        return value
    }
}
