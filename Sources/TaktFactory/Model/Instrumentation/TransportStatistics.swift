import TaktKernel

/// Transport figures of the statistics period: per link the trips, their time on the link and
/// the parts on it over time; per vehicle fleet the vehicles busy over time and how long a job
/// waited for one.
public struct TransportStatistics: Sendable {
    public internal(set) var trips: [Int]
    /// Boarding (or request) to arrival, per link.
    public internal(set) var transitTime: [Tally]
    public internal(set) var load: [TimeWeightedLevel]
    public internal(set) var busyVehicles: [TimeWeightedLevel]
    /// Request to pickup, per fleet.
    public internal(set) var waitForVehicle: [Tally]

    init(links: Int, fleets: Int) {
        trips = Array(repeating: 0, count: links)
        transitTime = Array(repeating: Tally(), count: links)
        load = Array(repeating: TimeWeightedLevel(), count: links)
        busyVehicles = Array(repeating: TimeWeightedLevel(), count: fleets)
        waitForVehicle = Array(repeating: Tally(), count: fleets)
    }

    mutating func reset(at time: Double, loads: [Int], busy: [Int]) {
        for k in trips.indices {
            trips[k] = 0
            transitTime[k].reset()
        }
        load = loads.map { TimeWeightedLevel(level: Double($0), at: time) }
        busyVehicles = busy.map { TimeWeightedLevel(level: Double($0), at: time) }
        for k in waitForVehicle.indices { waitForVehicle[k].reset() }
    }
}
