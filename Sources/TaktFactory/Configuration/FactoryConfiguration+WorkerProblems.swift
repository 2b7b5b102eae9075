extension FactoryConfiguration {
    /// Problems of the worker pools and of the stations and repairs that need workers.
    func workerProblems() -> [String] {
        var problems: [String] = []
        for pool in workerPools {
            if pool.count < 0 { problems.append("worker pool \(pool.name) has a negative head count") }
            for (skill, efficiency) in pool.skills {
                if !(efficiency > 0) { problems.append("worker pool \(pool.name): efficiencies must be positive") }
                if case .operate(let station) = skill, !stations.indices.contains(station) {
                    problems.append("worker pool \(pool.name): unknown station \(station)")
                }
            }
            if pool.costPerHour < 0 || pool.shiftPremium < 0 || pool.overtimePremium < 0 {
                problems.append("worker pool \(pool.name): wages and premiums must not be negative")
            }
        }
        func qualified(_ skill: WorkerSkill) -> Bool {
            workerPools.contains { $0.count > 0 && $0.skills[skill] != nil }
        }
        for (index, station) in stations.enumerated() {
            if station.operators != nil {
                if station.batch != nil {
                    problems.append("station \(station.name): operators are not supported on batch stations")
                }
                if !qualified(.operate(station: index)) {
                    problems.append("station \(station.name) needs operators but no worker pool has the skill")
                }
            }
            let technician = (station.breakdowns?.byTechnician ?? false) || (station.wear?.byTechnician ?? false)
            if technician && !qualified(.repair) {
                problems.append("station \(station.name): repairs need a technician but no worker pool has the "
                                + "'repair' skill")
            }
        }
        return problems
    }
}
