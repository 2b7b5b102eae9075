import TaktFactory

/// What a learned dispatcher knows of a waiting job: observable figures only (the routing
/// sheet's standard times, due dates, clocks, queues and machine states), made dimensionless by
/// the mean standard time of the jobs waiting at the station, so one set of weights carries over
/// between stations and loads.
public enum DispatchFeatures {
    /// The features' names, in order (the weights' order).
    public static let names = [
        "standard_time",        // this operation's standard time
        "remaining_work",       // standard time of the operations left, this one included
        "operations_left",      // operations left, this one included
        "slack",                // due date − now − remaining work (clamped to ±20; 20 without due date)
        "queue_time",           // time in this queue
        "time_in_system",       // time since release
        "setup_match",          // 1 when a free machine is set up for the job's family
        "next_queue_work",      // standard work waiting at the next station, per machine there
        "next_station_down",    // share of the next station's machines down or in maintenance
    ]

    /// The number of features.
    public static var count: Int { names.count }

    /// The features of `job` waiting at `station`.
    /// - Parameters:
    ///   - job: The waiting job.
    ///   - station: Its station.
    ///   - shop: The shop as observed.
    ///   - scale: The time unit (seconds) the times are divided by.
    ///   - queueWork: Standard work waiting at each station, per machine there.
    /// - Returns: One value per name of `names`.
    public static func values(of job: ShopJob, at station: Int, shop: ShopObservation, scale: Double,
                              queueWork: [Double]) -> [Double] {
        let slack = job.dueDate.isFinite ? (job.dueDate - shop.now - job.remainingWork) / scale : 20
        let setupMatch = shop.freeMachines(at: station).contains { shop.machines[$0].setupFamily == job.setupFamily }
        var nextWork = 0.0, nextDown = 0.0
        let routes = shop.remainingRoutes(of: job)
        if routes.count > 1, let next = shop.layout.operations[routes.lowerBound + 1].stations.first {
            nextWork = queueWork[next] / scale
            let machines = shop.layout.stations[next].machines
            let down = machines.filter { [.down, .maintenance].contains(shop.machines[$0].state) }.count
            nextDown = Double(down) / Double(max(1, machines.count))
        }
        return [
            job.expectedTime / scale,
            job.remainingWork / scale,
            Double(job.operationsLeft),
            min(20, max(-20, slack)),
            (shop.now - job.queueEntryTime) / scale,
            (shop.now - job.releaseTime) / scale,
            setupMatch ? 1 : 0,
            nextWork,
            nextDown,
        ]
    }

    /// Standard work waiting at each station, divided by its machine count.
    /// - Parameter shop: The shop as observed.
    /// - Returns: One value per station (seconds).
    public static func queueWork(_ shop: ShopObservation) -> [Double] {
        shop.queues.enumerated().map { station, queue in
            queue.reduce(0) { $0 + $1.expectedTime } / Double(max(1, shop.layout.stations[station].machines.count))
        }
    }
}
