extension FactoryModel {
    /// What a scheduling controller may see now (see `ShopObservation`): built from observable
    /// state only — standard times from the routing, never a job's drawn durations or defects.
    public func shopObservation(at now: Double) -> ShopObservation {
        let queues = flow.queues.indices.map { station in
            flow.queues[station].map { shopJob($0, canStart: canStart($0, at: station)) }
        }
        let machines = fleet.machines.indices.map { m in
            let base = m * fleet.maxBatch
            let held = fleet.held[base..<(base + Int(fleet.machines[m].heldCount))]
            return ShopMachine(station: Int(fleet.machines[m].station), state: fleet.machines[m].state,
                               isFree: isFree(m), setupFamily: Int(fleet.machines[m].family),
                               since: fleet.machines[m].stateSince,
                               jobs: held.filter { isOnRoute($0) }.map { shopJob($0, canStart: false) })
        }
        return ShopObservation(now: now, layout: control.observableLayout, machines: machines, queues: queues)
    }

    /// Whether a held job still has an operation of its routing to do: while a batch completes,
    /// the jobs already moved on have left their routing (or the shop) though the machine still
    /// lists them.
    func isOnRoute(_ job: Int32) -> Bool {
        let record = flow.jobs[Int(job)]
        return Int(record.operation) < routes.count(product: record.product)
    }

    /// A job as the shop floor knows it: its routing position and standard times.
    func shopJob(_ job: Int32, canStart: Bool) -> ShopJob {
        let record = flow.jobs[Int(job)]
        let index = routes.index(product: record.product, operation: record.operation)
        let quantity = Double(record.quantity)
        return ShopJob(serial: record.serial, product: Int(record.product), operation: Int(record.operation),
                       quantity: Int(record.quantity), expectedTime: routes.meanTime[index] * quantity,
                       remainingWork: routes.remainingWork[index] * quantity,
                       operationsLeft: routes.count(product: record.product) - Int(record.operation),
                       dueDate: record.dueDate, priority: Int(record.priority), releaseTime: record.releaseTime,
                       queueEntryTime: record.queueEntryTime, setupFamily: Int(routes.family[Int(record.product)]),
                       canStart: canStart)
    }
}
