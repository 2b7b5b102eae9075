import TaktKernel

extension FactoryModel {
    /// Batch stations (ovens): a free machine takes up to `maxSize` waiting jobs of one family,
    /// once there are `maxSize` of them, or at least `minSize` and the oldest has waited
    /// `maxWait`. Otherwise a timer wakes the station when the oldest batch's wait runs out.
    mutating func dispatchBatches(at station: Int, calendar: inout EventCalendar<FactoryEvent>) {
        guard let spec = configuration.stations[station].batch else { return }
        let now = calendar.now
        let first = fleet.stationFirstMachine[station]
        let last = fleet.stationFirstMachine[station + 1]
        while let machine = (first..<last).first(where: { isFree($0) }) {
            var counts: [Int32: (count: Int, oldest: Double)] = [:]
            // materials taken by the jobs counted so far, per family: a batch's jobs share the stock
            var reservedByFamily: [Int32: [Int]] = [:]
            for job in flow.queues[station] where canStart(job, at: station) {
                let family = routes.family[Int(flow.jobs[Int(job)].product)]
                if !stores.stock.isEmpty {
                    var reserved = reservedByFamily[family] ?? Array(repeating: 0, count: stores.stock.count)
                    guard reserve(materialsFor: job, in: &reserved) else { continue }
                    reservedByFamily[family] = reserved
                }
                let entry = counts[family] ?? (0, .infinity)
                counts[family] = (entry.count + 1, min(entry.oldest, flow.jobs[Int(job)].queueEntryTime))
            }
            // `now >= oldest + maxWait`: the very sum the timer below wakes at (a difference
            // `now − oldest` can round below maxWait at large times, and the batch then waited on)
            let ready = counts.filter { $0.value.count >= spec.maxSize || ($0.value.count >= spec.minSize
                                                                           && now >= $0.value.oldest + spec.maxWait) }
            guard let family = ready.min(by: { ($0.value.oldest, $0.key) < ($1.value.oldest, $1.key) })?.key else {
                let waits = counts.values.filter { $0.count >= spec.minSize }.map { $0.oldest + spec.maxWait }
                if let wake = waits.min(), wake > now { setBatchTimer(station, at: wake, calendar: &calendar) }
                break
            }
            var batch: [Int32] = []
            var reserved = Array(repeating: 0, count: stores.stock.count)
            var position = 0
            while position < flow.queues[station].count && batch.count < spec.maxSize {
                let job = flow.queues[station][position]
                if routes.family[Int(flow.jobs[Int(job)].product)] == family && canStart(job, at: station)
                    && reserve(materialsFor: job, in: &reserved) {
                    batch.append(job)
                    flow.queues[station].remove(at: position)
                } else {
                    position += 1
                }
            }
            instrumentation.queueChanged(station: station, length: flow.queues[station].count, at: now)
            startJobs(on: machine, jobs: batch, calendar: &calendar)
        }
        settleFreeMachines(at: station, now: now)
    }

    /// Adds the materials the job's current operation consumes to `reserved` if the stock covers
    /// them on top of what is already reserved; false (and `reserved` unchanged) if it does not.
    /// Each job of a batch passes `canStart` alone, but together they must not take more than the
    /// stock holds.
    func reserve(materialsFor job: Int32, in reserved: inout [Int]) -> Bool {
        let record = flow.jobs[Int(job)]
        guard routes.consumesAnything[routes.index(product: record.product, operation: record.operation)] else {
            return true
        }
        let operation = configuration.products[Int(record.product)].routing[Int(record.operation)]
        var needs: [(material: Int, quantity: Int)] = []
        for use in operation.consumes {
            guard case .material(let material) = use.item else { continue }
            let quantity = use.quantity * Int(record.quantity)
            guard stores.stock[material] - reserved[material] >= quantity else { return false }
            needs.append((material, quantity))
        }
        for need in needs { reserved[need.material] += need.quantity }
        return true
    }

    mutating func setBatchTimer(_ station: Int, at time: Double, calendar: inout EventCalendar<FactoryEvent>) {
        if let timer = flow.batchTimers[station], let pending = calendar.time(of: timer), pending <= time { return }
        if let timer = flow.batchTimers[station] { calendar.cancel(timer) }
        flow.batchTimers[station] = calendar.schedule(.dispatch(station: Int32(station)), at: time, priority: 1)
    }
}
