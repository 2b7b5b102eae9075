import TaktKernel

/// How jobs move between stations. Without a link from one station to the next a job moves
/// instantly (as before); with one it travels by the link's means, having reserved a place in
/// the next station's buffer when it leaves.
public struct TransportSpec: Sendable {
    /// One from–to connection and how it is served.
    public struct Link: Sendable {
        public enum Means: Sendable {
            /// A travel time (constant or random) with no capacity limit (hand carts, pipes,
            /// anything not worth modelling).
            case delay(Distribution)
            /// A conveyor: a part takes `length / speed` seconds and at most `capacity` parts are
            /// on it; a full conveyor blocks the machine that would load it.
            case conveyor(length: Double, speed: Double, capacity: Int)
            /// A vehicle of fleet `fleet` carries it: it drives empty to the pickup, loads, drives
            /// loaded (`tripTime` if given, else distance / speed), unloads, and stays there.
            case vehicle(fleet: Int, tripTime: Distribution?)
        }

        public var from: Int
        public var to: Int
        public var means: Means

        public init(from: Int, to: Int, means: Means) {
            self.from = from
            self.to = to
            self.means = means
        }
    }

    /// A fleet of vehicles (AGVs, forklifts).
    public struct Fleet: Sendable {
        public enum Dispatching: String, Sendable {
            /// The oldest request first; a new request gets the nearest free vehicle.
            case fifo
            /// A freed vehicle takes the request whose pickup is nearest (the oldest on ties).
            case nearest
        }

        public var name: String
        public var count: Int
        /// Metres per second.
        public var speed: Double
        public var loadTime: Double
        public var unloadTime: Double
        public var dispatching: Dispatching
        /// Where the vehicles start (a station index; nil: the first station).
        public var home: Int?

        public init(name: String, count: Int, speed: Double, loadTime: Double = 0, unloadTime: Double = 0,
                    dispatching: Dispatching = .fifo, home: Int? = nil) {
            self.name = name
            self.count = count
            self.speed = speed
            self.loadTime = loadTime
            self.unloadTime = unloadTime
            self.dispatching = dispatching
            self.home = home
        }
    }

    /// How distances are measured between station positions.
    public enum Metric: String, Sendable {
        case euclidean, rectilinear
    }

    public var links: [Link]
    public var fleets: [Fleet]
    /// Each station's position in metres (nil: unplaced, at the origin).
    public var positions: [Int: (x: Double, y: Double)]
    public var metric: Metric

    public init(links: [Link] = [], fleets: [Fleet] = [], positions: [Int: (x: Double, y: Double)] = [:],
                metric: Metric = .euclidean) {
        self.links = links
        self.fleets = fleets
        self.positions = positions
        self.metric = metric
    }

    /// Distance between two stations' positions (metres).
    public func distance(_ a: Int, _ b: Int) -> Double {
        let p = positions[a] ?? (0, 0), q = positions[b] ?? (0, 0)
        switch metric {
        case .euclidean: return ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
        case .rectilinear: return abs(p.x - q.x) + abs(p.y - q.y)
        }
    }

    /// What is wrong with the links and fleets for `stations` stations (empty: nothing).
    func problems(stations: Int) -> [String] {
        var problems: [String] = []
        var seen = Set<Int>()
        for link in links {
            guard (0..<stations).contains(link.from), (0..<stations).contains(link.to) else {
                problems.append("a transport link names a station that does not exist")
                continue
            }
            if link.from == link.to { problems.append("a transport link goes from a station to itself") }
            if !seen.insert(link.from * stations + link.to).inserted {
                problems.append("two transport links join the same pair of stations")
            }
            switch link.means {
            case .delay: break
            case .conveyor(let length, let speed, let capacity):
                if !(length > 0) || !(speed > 0) || capacity < 1 {
                    problems.append("a conveyor needs a positive length, speed and capacity")
                }
            case .vehicle(let fleet, _):
                if !fleets.indices.contains(fleet) { problems.append("a transport link names no vehicle fleet") }
            }
        }
        for fleet in fleets where fleet.count < 1 || !(fleet.speed > 0) || fleet.loadTime < 0 || fleet.unloadTime < 0 {
            problems.append("vehicle fleet \(fleet.name) needs at least one vehicle, a positive speed and "
                                + "non-negative load and unload times")
        }
        return problems
    }
}
