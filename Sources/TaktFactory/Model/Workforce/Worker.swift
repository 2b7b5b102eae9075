/// One person of a worker pool, with what they are doing now.
struct Worker {
    var pool: Int32
    var task: WorkerTask
    /// Machine operated or repaired, or -1.
    var machine: Int32
    /// At work (on shift, or finishing a task after it).
    var present: Bool
    /// The shift has ended; the worker leaves when the current task ends (overtime until then).
    var leaving: Bool
    var taskSince: Double
    var presentSince: Double
    var shiftEndedAt: Double
    /// Busy time since the start of the run (for the least-busy choice).
    var busyTime: Double
}

/// What a worker is doing.
enum WorkerTask: UInt8 {
    case none
    case operate
    case repair
    case maintain

    /// Index of the activity in per-pool activity times (operating, repair, maintenance).
    var activity: Int { Int(rawValue) - 1 }
}

/// Per worker and skill, the efficiency factor (0: not qualified), as one flat array.
struct WorkerTable {
    /// Skill slots: one per station (operate), then one for repairs.
    let slots: Int
    let efficiency: [Double]
    /// First worker of each pool, and one past the last.
    let poolFirst: [Int]
    /// The pool of each worker.
    let pool: [Int32]

    init(_ configuration: FactoryConfiguration) {
        let stations = configuration.stations.count
        slots = stations + 1
        var efficiency: [Double] = []
        var first: [Int] = []
        var pool: [Int32] = []
        for (poolIndex, spec) in configuration.workerPools.enumerated() {
            first.append(pool.count)
            for _ in 0..<max(0, spec.count) {
                pool.append(Int32(poolIndex))
                var row = Array(repeating: 0.0, count: stations + 1)
                for (skill, factor) in spec.skills {
                    switch skill {
                    case .operate(let station): row[station] = factor
                    case .repair: row[stations] = factor
                    }
                }
                efficiency += row
            }
        }
        first.append(pool.count)
        self.efficiency = efficiency
        self.poolFirst = first
        self.pool = pool
    }

    /// The skill slot of repairs.
    var repairSlot: Int { slots - 1 }

    @inline(__always)
    func efficiency(_ worker: Int, _ slot: Int) -> Double { efficiency[worker * slots + slot] }
}
