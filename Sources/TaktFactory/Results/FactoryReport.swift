/// The KPIs of one factory run (over the statistics period: after warm-up, until the end).
/// Times are in seconds, rates per second.
public struct FactoryReport: Sendable {
    /// Length of the statistics period.
    public var period: Double
    /// Jobs finished per second (sub-assemblies included), and per product.
    public var throughput: Double
    public var throughputByProduct: [(product: String, jobs: Int, units: Int, rate: Double)]
    /// Time of the last completion (makespan, for finite order sets started at 0).
    public var makespan: Double
    /// Flow time (release → finish) of every job: mean, p50, p95.
    public var flowTimeMean: Double
    public var flowTimeMedian: Double
    public var flowTime95: Double
    /// Lead time (order arrival → finish) of orders.
    public var leadTimeMean: Double
    /// Time-average number of jobs in the shop.
    public var wipMean: Double
    /// Mean tardiness and share on time, over orders with a due date (nil when none had one).
    public var tardinessMean: Double?
    public var onTimeRate: Double?
    public var finishedJobs: Int
    public var finishedOrders: Int
    public var scrappedJobs: Int
    public var reworks: Int
    public var lostOrders: Int
    public var stations: [StationReport]
    public var materials: [MaterialReport]
    public var crews: [CrewReport]
    /// Whole-run flow conservation: released = finished + scrapped + in shop at the end.
    public var released: Int
    public var finishedTotal: Int
    public var scrappedTotal: Int
    public var inShopAtEnd: Int
    /// Worker pools: utilisation, hours by activity, overtime, labour cost.
    public var workerPools: [WorkerPoolReport] = []
    /// Quality KPIs, when the scenario models recipes, defects or inspections.
    public var quality: QualityReport?
    /// Transport KPIs, when the scenario has transport links.
    public var transport: TransportReport?
}

/// KPIs of one station (machine figures averaged over its machines).
public struct StationReport: Sendable {
    public var name: String
    public var machines: Int
    /// Share of time in each state, in `MachineState.allCases` order; adds up to 1.
    public var stateShares: [Double]
    /// Busy share (processing, loading, unloading).
    public var utilisation: Double
    /// OEE = availability × performance × quality (Nakajima): availability = operating time /
    /// planned time, with planned time = total − maintenance − off-shift and operating time =
    /// planned − down − setup; performance = standard time of the units processed / operating
    /// time; quality = good units / units processed.
    public var oee: Double
    public var availability: Double
    public var performance: Double
    public var quality: Double
    public var failures: Int
    /// Observed mean operating time between failures and mean time to repair (nil without failures).
    public var mtbf: Double?
    public var mttr: Double?
    public var queueLengthMean: Double
    public var processedUnits: Int
    /// Energy drawn (kWh) and its cost, when the station is metered.
    public var energyKWh: Double = 0
    public var energyCost: Double = 0
    /// Hours operators spent at this station (setups, steps, inspections).
    public var operatorHours: Double = 0
    /// Maintenance done (planned windows and controllers' orders).
    public var maintenances: Int = 0
}

/// KPIs of one purchased material.
public struct MaterialReport: Sendable {
    public var name: String
    public var inventoryMean: Double
    public var stockouts: Int
    public var replenishments: Int
}

/// KPIs of one repair crew.
public struct CrewReport: Sendable {
    public var name: String
    /// Share of the crew's time spent repairing.
    public var repairShare: Double
    public var sideJobsDone: Int
}
