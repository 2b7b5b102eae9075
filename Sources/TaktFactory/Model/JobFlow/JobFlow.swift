import TaktKernel

/// Jobs and where they wait: order sources, release (CONWIP), station queues, entry backlogs,
/// machines blocked on a full buffer, and the dispatching bookkeeping.
///
/// The mechanisms are in this folder (`FactoryModel+Orders`, `+Dispatch`, `+RankedQueue`,
/// `+Batches`).
struct JobFlow {
    /// Job slots, recycled through `freeJobSlots`; `nextSerial` numbers jobs in creation order.
    var jobs: ContiguousArray<Job> = []
    var freeJobSlots: ContiguousArray<Int32> = []
    var nextSerial: Int64 = 0
    /// Seed base of the jobs' own streams (mixed with each job's serial).
    let jobStreamBase: UInt64
    var sources: [SourceState]
    var activeSources = 0
    /// Per station: waiting jobs, machines blocked on its buffer, arrivals waiting at its door.
    var queues: [ContiguousArray<Int32>]
    var blockedMachines: [RingBuffer<Int32>]
    var entryBacklog: [RingBuffer<Int32>]
    /// Stations whose queue is kept in the order of their rule (see `FactoryModel+RankedQueue`).
    let rankedQueue: [Bool]
    /// Per station: a dispatch is scheduled for later this instant; one is running; it must run again.
    var dispatchPending: [Bool]
    var dispatching: [Bool]
    var redispatch: [Bool]
    /// Per batch station: the pending wake-up for the oldest batch's maximum wait.
    var batchTimers: [EventID?]
    /// Orders held back by CONWIP, and the counts it caps.
    var conwipBacklog = RingBuffer<Int32>()
    var ordersInShop = 0
    var jobsInShop = 0

    init(_ configuration: FactoryConfiguration, streams: RandomStreams) {
        let stationCount = configuration.stations.count
        jobStreamBase = streams.streamSeed(entity: "jobs", purpose: "work")
        sources = configuration.orderSources.map { SourceState($0, streams: streams) }
        queues = Array(repeating: [], count: stationCount)
        blockedMachines = Array(repeating: RingBuffer(capacity: 4), count: stationCount)
        entryBacklog = Array(repeating: RingBuffer(capacity: 4), count: stationCount)
        rankedQueue = configuration.stations.indices.map { station in
            configuration.stations[station].batch == nil
                && configuration.stations[station].dispatch.isStatic
        }
        dispatchPending = Array(repeating: false, count: stationCount)
        dispatching = Array(repeating: false, count: stationCount)
        redispatch = Array(repeating: false, count: stationCount)
        batchTimers = Array(repeating: nil, count: stationCount)
    }
}
