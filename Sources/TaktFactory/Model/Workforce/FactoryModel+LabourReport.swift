extension FactoryModel {
    /// The KPIs of each worker pool (see `WorkerPoolReport`).
    func workerPoolReports() -> [WorkerPoolReport] {
        let labour = instrumentation.statistics.labour
        let activities = LabourStatistics.activities.count
        return configuration.workerPools.enumerated().map { pool, spec in
            let members = workforce.workerTable.poolFirst[pool]..<workforce.workerTable.poolFirst[pool + 1]
            var scheduled = 0.0, overtime = 0.0, busy = 0.0
            var perWorker: [Double] = []
            for w in members {
                scheduled += labour.presentTime[w]
                overtime += labour.overtime[w]
                busy += labour.busyTime[w]
                let paid = labour.presentTime[w] + labour.overtime[w]
                perWorker.append(paid > 0 ? labour.busyTime[w] / paid : 0)
            }
            let hours = (0..<activities).map { labour.activityTime[pool * activities + $0] / 3600 }
            let cost = spec.costPerHour * ((1 + spec.shiftPremium) * scheduled + (1 + spec.overtimePremium) * overtime)
                / 3600
            return WorkerPoolReport(name: spec.name, workers: members.count,
                                    utilisation: scheduled + overtime > 0 ? busy / (scheduled + overtime) : 0,
                                    workerUtilisation: perWorker, scheduledHours: scheduled / 3600,
                                    overtimeHours: overtime / 3600, activityHours: hours, labourCost: cost)
        }
    }
}
