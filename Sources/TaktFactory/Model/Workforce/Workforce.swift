import TaktKernel

/// People: the workers of every pool, their skills and shifts, and the work waiting for them
/// (repairs and maintenance for technicians, suspended steps and stations for operators).
///
/// The mechanisms are in this folder (`FactoryModel+Workers`, `+WorkerShifts`).
struct Workforce {
    let workerTable: WorkerTable
    var workers: ContiguousArray<Worker> = []
    /// Machines waiting for a technician, first come first served.
    var technicianQueue = RingBuffer<Int32>()
    /// Machines whose step stopped at an operator's shift end, waiting for the next operator.
    var suspendedSteps: ContiguousArray<Int32> = []
    /// Machines whose ordered maintenance waits for a technician.
    var maintenanceQueue: ContiguousArray<Int32> = []
    /// Stations with work that wait for a free qualified operator.
    var waitingForOperator: [Bool]

    init(_ configuration: FactoryConfiguration) {
        workerTable = WorkerTable(configuration)
        workers = ContiguousArray(workerTable.pool.map { pool in
            Worker(pool: pool, task: .none, machine: -1, present: true, leaving: false, taskSince: 0, presentSince: 0,
                   shiftEndedAt: 0, busyTime: 0)
        })
        waitingForOperator = Array(repeating: false, count: configuration.stations.count)
    }
}
