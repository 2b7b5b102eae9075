/// Where the workers' time went since the last reset: per worker (scheduled time at work,
/// overtime, busy time), per pool and activity, and operator time per station.
public struct LabourStatistics: Sendable {
    /// Activities a worker's busy time is split into.
    public static let activities = ["operating", "repair", "maintenance"]

    /// Scheduled time at work, per worker (seconds).
    public internal(set) var presentTime: [Double]
    /// Time worked after the end of a shift to finish a task, per worker.
    public internal(set) var overtime: [Double]
    /// Busy time per worker.
    public internal(set) var busyTime: [Double]
    /// Busy time per pool and activity: `activityTime[pool * activities.count + activity]`.
    public internal(set) var activityTime: [Double]
    /// Operator time spent at each station (inspection labour at inspection stations).
    public internal(set) var operatorTime: [Double]

    init(workers: Int, pools: Int, stations: Int) {
        presentTime = Array(repeating: 0, count: workers)
        overtime = Array(repeating: 0, count: workers)
        busyTime = Array(repeating: 0, count: workers)
        activityTime = Array(repeating: 0, count: pools * Self.activities.count)
        operatorTime = Array(repeating: 0, count: stations)
    }

    mutating func recordTask(worker: Int, pool: Int, activity: Int, station: Int, duration: Double) {
        busyTime[worker] += duration
        activityTime[pool * Self.activities.count + activity] += duration
        if station >= 0 { operatorTime[station] += duration }
    }

    mutating func reset() {
        self = LabourStatistics(workers: presentTime.count, pools: activityTime.count / Self.activities.count,
                                stations: operatorTime.count)
    }
}
