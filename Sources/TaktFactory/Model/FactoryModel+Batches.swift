import TaktKernel

extension FactoryModel {
    /// Batch stations (ovens): a free machine takes up to `maxSize` waiting jobs of one family,
    /// once there are `maxSize` of them, or at least `minSize` and the oldest has waited
    /// `maxWait`. Otherwise a timer wakes the station when the oldest batch's wait runs out.
    mutating func dispatchBatches(at station: Int, calendar: inout EventCalendar<FactoryEvent>) {
        guard let spec = configuration.stations[station].batch else { return }
        let now = calendar.now
        let first = stationFirstMachine[station]
        let last = stationFirstMachine[station + 1]
        while let machine = (first..<last).first(where: { isFree($0) }) {
            var counts: [Int32: (count: Int, oldest: Double)] = [:]
            for job in queues[station] where canStart(job, at: station) {
                let family = routes.family[Int(jobs[Int(job)].product)]
                let entry = counts[family] ?? (0, .infinity)
                counts[family] = (entry.count + 1, min(entry.oldest, jobs[Int(job)].queueEntryTime))
            }
            // `now >= oldest + maxWait`: the very sum the timer below wakes at (a difference
            // `now − oldest` can round below maxWait at large times, and the batch then waited on)
            let ready = counts.filter { $0.value.count >= spec.maxSize || ($0.value.count >= spec.minSize && now >= $0.value.oldest + spec.maxWait) }
            guard let family = ready.min(by: { ($0.value.oldest, $0.key) < ($1.value.oldest, $1.key) })?.key else {
                let waits = counts.values.filter { $0.count >= spec.minSize }.map { $0.oldest + spec.maxWait }
                if let wake = waits.min(), wake > now { setBatchTimer(station, at: wake, calendar: &calendar) }
                break
            }
            var batch: [Int32] = []
            var position = 0
            while position < queues[station].count && batch.count < spec.maxSize {
                let job = queues[station][position]
                if routes.family[Int(jobs[Int(job)].product)] == family && canStart(job, at: station) {
                    batch.append(job)
                    queues[station].remove(at: position)
                } else {
                    position += 1
                }
            }
            statistics.queueLength[station].update(to: Double(queues[station].count), at: now)
            startJobs(on: machine, jobs: batch, calendar: &calendar)
        }
        settleFreeMachines(at: station, now: now)
    }

    mutating func setBatchTimer(_ station: Int, at time: Double, calendar: inout EventCalendar<FactoryEvent>) {
        if let timer = batchTimers[station], let pending = calendar.time(of: timer), pending <= time { return }
        if let timer = batchTimers[station] { calendar.cancel(timer) }
        batchTimers[station] = calendar.schedule(.dispatch(station: Int32(station)), at: time, priority: 1)
    }
}
