/// The priority rules the rescheduling optimiser starts from: each builds a non-delay schedule
/// (Giffler and Thompson's conflict set: among the operations that could start before the
/// earliest possible end, the rule's first), and the best of them under the objective seeds the
/// search. Due-date rules as in Baker and Bertrand (1982) (MDD) and Vepsalainen and Morton (1987)
/// (slack).
enum SnapshotRule: String, CaseIterable, Sendable {
    /// Earliest ready, then job order (the queue order the controller passes).
    case fifo = "FIFO"
    /// Shortest operation.
    case spt = "SPT"
    /// Earliest due date.
    case edd = "EDD"
    /// Modified due date: max(due, earliest finish of the job's remaining work).
    case mdd = "MDD"
    /// Least slack: due − start − remaining work.
    case slack = "SLACK"
    /// Most work remaining.
    case mwkr = "MWKR"

    /// The candidate's key: smaller goes first.
    func key(job: ShopSnapshot.Job, start: Int, duration: Int, remainingWork: Int, ready: Int) -> Double {
        let due = job.due.map(Double.init) ?? .infinity
        switch self {
        case .fifo: return Double(ready)
        case .spt: return Double(duration)
        case .edd: return due
        case .mdd: return max(due, Double(start + remainingWork))
        case .slack: return due - Double(start + remainingWork)
        case .mwkr: return -Double(remainingWork)
        }
    }

    /// The operation order of the rule's non-delay schedule, frozen operations first.
    func order(_ decoder: inout SnapshotDecoder) -> [Int] {
        decoder.reset()
        let snapshot = decoder.snapshot
        var order: [Int] = []
        order.reserveCapacity(snapshot.operationCount)
        for j in snapshot.frozen {
            decoder.place(j)
            order.append(j)
        }
        var jobReady = snapshot.jobs.map(\.ready)
        for j in snapshot.frozen { jobReady[j] = -1 }
        var open = snapshot.jobs.indices.filter { decoder.remaining($0) > 0 }
        while !open.isEmpty {
            let spots = open.map { decoder.placement(of: $0) }
            let earliestEnd = spots.map(\.end).min()!
            var chosen = -1
            var chosenKey = Double.infinity
            for (i, j) in open.enumerated() where spots[i].start < earliestEnd || spots[i].end == earliestEnd {
                let key = self.key(job: snapshot.jobs[j], start: spots[i].start,
                                   duration: spots[i].end - spots[i].start,
                                   remainingWork: decoder.remainingWork(j), ready: jobReady[j])
                if chosen < 0 || key < chosenKey { chosen = i; chosenKey = key }
            }
            let j = open[chosen]
            let spot = decoder.place(j)
            jobReady[j] = spot.end
            order.append(j)
            if decoder.remaining(j) == 0 { open.remove(at: chosen) }
        }
        return order
    }
}
