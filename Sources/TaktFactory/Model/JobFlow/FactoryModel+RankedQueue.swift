extension FactoryModel {
    // A station whose rule is static (`DispatchRule.isStatic`), with no batching and no custom
    // policy, keeps its queue sorted by the rule: (key, tie, creation serial), the very order in
    // which `selectJob` breaks ties. A job is put in place when it joins the queue (a binary
    // search), so choosing is taking the first job that can start, instead of scanning every
    // waiting job at every dispatch — which made a long queue quadratic (20,000 jobs on 10
    // machines under SPT: 57 s before, docs/performance.md). Other stations keep entry order.

    /// Puts `job` into the queue of a ranked station after every job that ranks before it or
    /// equally (so equal keys stay in entry order, as the serial decides anyway).
    mutating func insertRanked(_ job: Int32, at station: Int, now: Double) {
        let rule = stationTable.rule[station]
        let rank = ranking(rule, job: job, now: now)
        // FIFO and most arrivals rank after the last waiting job: append without a search
        if let last = flow.queues[station].last, !ranksBefore(rank, ranking(rule, job: last, now: now)) {
            flow.queues[station].append(job)
            return
        }
        var low = 0, high = flow.queues[station].count
        while low < high {
            let middle = (low + high) / 2
            if !ranksBefore(rank, ranking(rule, job: flow.queues[station][middle], now: now)) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        flow.queues[station].insert(job, at: low)
    }

    /// The first job of a ranked queue that can start (components present, materials in stock).
    @inline(__always)
    func firstStartable(at station: Int) -> Int? {
        flow.queues[station].indices.first { canStart(flow.queues[station][$0], at: station) }
    }

    /// A job's place under a static rule: (key, tie, serial), compared lexicographically.
    /// Inlined, like everything called from the mutating `insertRanked`: an outlined call
    /// copied the whole model per call (+13% instructions per part on M/M/5).
    @inline(__always)
    func ranking(_ rule: DispatchRule, job: Int32, now: Double) -> Ranking {
        let (key, tie) = priorityKey(rule, job: job, now: now, meanTime: 0)
        // read in place: `jobs[job].serial` copied the whole Job here
        let serial = flow.jobs.withUnsafeBufferPointer { ($0.baseAddress! + Int(job)).pointee.serial }
        return Ranking(key: key, tie: tie, serial: serial)
    }

    @inline(__always)
    func ranksBefore(_ a: Ranking, _ b: Ranking) -> Bool {
        a.key < b.key || (a.key == b.key && (a.tie < b.tie || (a.tie == b.tie && a.serial < b.serial)))
    }
}

/// A waiting job's place in a ranked queue.
struct Ranking {
    var key: Double
    var tie: Double
    var serial: Int64
}
