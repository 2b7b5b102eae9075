/// KPIs of one worker pool over the statistics period. Hours are hours of the pool as a whole.
public struct WorkerPoolReport: Sendable {
    public var name: String
    public var workers: Int
    /// Busy time / (scheduled time at work + overtime), over the pool.
    public var utilisation: Double
    /// Utilisation of each worker of the pool.
    public var workerUtilisation: [Double]
    /// Scheduled hours at work and overtime hours (finishing tasks after a shift end).
    public var scheduledHours: Double
    public var overtimeHours: Double
    /// Busy hours by activity (`LabourStatistics.activities`: operating, repair).
    public var activityHours: [Double]
    /// Wage × (1 + shift premium) × scheduled hours + wage × (1 + overtime premium) × overtime hours.
    public var labourCost: Double
}
