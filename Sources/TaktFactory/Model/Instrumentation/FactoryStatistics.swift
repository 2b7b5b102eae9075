import TaktKernel

/// Counters and statistics of a factory run: since the last reset (warm-up), and whole-run
/// counters for flow conservation.
public struct FactoryStatistics: Sendable {
    /// Start of the statistics period (end of warm-up) and end of the run.
    public internal(set) var start: Double = 0
    public internal(set) var end: Double = 0

    // Since the last reset.
    public internal(set) var flowTime = Tally()
    public internal(set) var flowTimeMedian = P2Quantile(p: 0.5)
    public internal(set) var flowTime95 = P2Quantile(p: 0.95)
    public internal(set) var leadTime = Tally()
    public internal(set) var tardiness = Tally()
    public internal(set) var onTime = 0
    public internal(set) var wip = TimeWeightedLevel()
    public internal(set) var finishedJobs = 0
    public internal(set) var finishedOrders = 0
    public internal(set) var finishedByProduct: [Int]
    public internal(set) var unitsByProduct: [Int]
    public internal(set) var scrappedJobs = 0
    public internal(set) var scrappedByProduct: [Int]
    public internal(set) var reworks = 0
    public internal(set) var lostOrders = 0
    public internal(set) var makespan = 0.0
    public internal(set) var queueLength: [TimeWeightedLevel]
    /// Time per machine and state: `machineStateTime[m * states + state]`.
    public internal(set) var machineStateTime: [Double]
    public internal(set) var failures: [Int]
    public internal(set) var repairTime: [Tally]
    public internal(set) var processedUnits: [Int]
    public internal(set) var goodUnits: [Int]
    public internal(set) var idealTime: [Double]
    public internal(set) var inventory: [TimeWeightedLevel]
    public internal(set) var stockouts: [Int]
    public internal(set) var replenishments: [Int]
    public internal(set) var crewRepairTime: [Double]
    public internal(set) var sideJobsDone: [Int]
    /// Energy (kWh) and its cost per station.
    public internal(set) var energyKWh: [Double]
    public internal(set) var energyCost: [Double]
    /// Workers' time: at work, overtime, busy per activity.
    public internal(set) var labour: LabourStatistics
    /// Defects, inspections, escapes, first-pass yield.
    public internal(set) var quality: QualityStatistics
    /// Maintenance done (planned windows and controllers' orders), per station.
    public internal(set) var maintenances: [Int]
    /// Maintenance a shadow controller would have ordered.
    public internal(set) var shadowMaintenanceOrders = 0
    /// Trips, transit times, conveyor loads and vehicles busy.
    public internal(set) var transport: TransportStatistics

    // Whole run (never reset): released = finished + scrapped + in shop.
    public internal(set) var totalReleased = 0
    public internal(set) var totalFinished = 0
    public internal(set) var totalScrapped = 0
    public internal(set) var totalLost = 0

    static let stateCount = MachineState.allCases.count

    init(_ configuration: FactoryConfiguration, machineCount: Int) {
        let products = configuration.products.count
        let stations = configuration.stations.count
        finishedByProduct = Array(repeating: 0, count: products)
        unitsByProduct = Array(repeating: 0, count: products)
        scrappedByProduct = Array(repeating: 0, count: products)
        queueLength = Array(repeating: TimeWeightedLevel(), count: stations)
        machineStateTime = Array(repeating: 0, count: machineCount * Self.stateCount)
        failures = Array(repeating: 0, count: stations)
        repairTime = Array(repeating: Tally(), count: stations)
        processedUnits = Array(repeating: 0, count: stations)
        goodUnits = Array(repeating: 0, count: stations)
        idealTime = Array(repeating: 0, count: stations)
        inventory = Array(repeating: TimeWeightedLevel(), count: configuration.materials.count)
        stockouts = Array(repeating: 0, count: configuration.materials.count)
        replenishments = Array(repeating: 0, count: configuration.materials.count)
        crewRepairTime = Array(repeating: 0, count: configuration.repairCrews.count)
        sideJobsDone = Array(repeating: 0, count: configuration.repairCrews.count)
        energyKWh = Array(repeating: 0, count: stations)
        energyCost = Array(repeating: 0, count: stations)
        maintenances = Array(repeating: 0, count: stations)
        labour = LabourStatistics(workers: configuration.workerPools.reduce(0) { $0 + max(0, $1.count) },
                                  pools: configuration.workerPools.count, stations: stations)
        quality = QualityStatistics(routes: configuration.products.reduce(0) { $0 + $1.routing.count },
                                    classes: configuration.defectClasses.count)
        transport = TransportStatistics(links: configuration.transport?.links.count ?? 0,
                                        fleets: configuration.transport?.fleets.count ?? 0)
    }

    /// Starts a new statistics period at `time` with the current levels.
    mutating func reset(at time: Double, machineStates: [MachineState],
                        levels: (wip: Int, queues: [Int], stock: [Int])) {
        start = time
        end = time
        flowTime.reset()
        flowTimeMedian.reset()
        flowTime95.reset()
        leadTime.reset()
        tardiness.reset()
        onTime = 0
        wip = TimeWeightedLevel(level: Double(levels.wip), at: time)
        finishedJobs = 0
        finishedOrders = 0
        for index in finishedByProduct.indices {
            finishedByProduct[index] = 0
            unitsByProduct[index] = 0
            scrappedByProduct[index] = 0
        }
        scrappedJobs = 0
        reworks = 0
        lostOrders = 0
        queueLength = levels.queues.map { TimeWeightedLevel(level: Double($0), at: time) }
        for index in machineStateTime.indices { machineStateTime[index] = 0 }
        for index in failures.indices {
            failures[index] = 0
            repairTime[index].reset()
            processedUnits[index] = 0
            goodUnits[index] = 0
            idealTime[index] = 0
        }
        inventory = levels.stock.map { TimeWeightedLevel(level: Double($0), at: time) }
        for index in stockouts.indices {
            stockouts[index] = 0
            replenishments[index] = 0
        }
        for index in energyKWh.indices {
            energyKWh[index] = 0
            energyCost[index] = 0
        }
        labour.reset()
        for index in maintenances.indices { maintenances[index] = 0 }
        shadowMaintenanceOrders = 0
        quality.reset()
        for index in crewRepairTime.indices {
            crewRepairTime[index] = 0
            sideJobsDone[index] = 0
        }
    }
}
