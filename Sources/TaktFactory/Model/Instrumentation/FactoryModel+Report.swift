extension FactoryModel {
    /// The run's KPIs. Call after `Simulation.finish()`.
    public func report() -> FactoryReport {
        let s = instrumentation.statistics
        let end = s.end
        let period = max(end - s.start, 0)
        let states = FactoryStatistics.stateCount
        let stations = configuration.stations.indices.map { index -> StationReport in
            let spec = configuration.stations[index]
            var time = Array(repeating: 0.0, count: states)
            for m in fleet.machines(of: index) {
                for state in 0..<states { time[state] += s.machineStateTime[m * states + state] }
            }
            let total = time.reduce(0, +)
            let shares = time.map { total > 0 ? $0 / total : 0 }
            let planned = total - time[MachineState.maintenance.rawValue] - time[MachineState.offShift.rawValue]
            let operating = planned - time[MachineState.down.rawValue] - time[MachineState.setup.rawValue]
            let availability = planned > 0 ? operating / planned : 0
            let performance = operating > 0 ? min(1, s.idealTime[index] / operating) : 0
            let quality = s.processedUnits[index] > 0 ? Double(s.goodUnits[index]) / Double(s.processedUnits[index]) : 1
            let failures = s.failures[index]
            let busy = time[MachineState.busy.rawValue]
            return StationReport(
                name: spec.name, machines: spec.machines, stateShares: shares,
                utilisation: shares[MachineState.busy.rawValue],
                oee: availability * performance * quality, availability: availability, performance: performance,
                quality: quality, failures: failures,
                mtbf: failures > 0 ? busy / Double(failures) : nil,
                mttr: s.repairTime[index].count > 0 ? s.repairTime[index].mean : nil,
                queueLengthMean: s.queueLength[index].mean(at: end), processedUnits: s.processedUnits[index],
                energyKWh: s.energyKWh[index], energyCost: s.energyCost[index],
                operatorHours: s.labour.operatorTime[index] / 3600, maintenances: s.maintenances[index])
        }
        let products = configuration.products.indices.map { index in
            (product: configuration.products[index].name, jobs: s.finishedByProduct[index],
             units: s.unitsByProduct[index],
             rate: period > 0 ? Double(s.finishedByProduct[index]) / period : 0)
        }
        let materials = configuration.materials.indices.map { index in
            MaterialReport(name: configuration.materials[index].name, inventoryMean: s.inventory[index].mean(at: end),
                           stockouts: s.stockouts[index], replenishments: s.replenishments[index])
        }
        let crews = configuration.repairCrews.indices.map { index in
            CrewReport(name: configuration.repairCrews[index].name,
                       repairShare: period > 0 ? s.crewRepairTime[index]
                           / (period * Double(configuration.repairCrews[index].size)) : 0,
                       sideJobsDone: s.sideJobsDone[index])
        }
        var report = FactoryReport(
            period: period, throughput: period > 0 ? Double(s.finishedJobs) / period : 0,
            throughputByProduct: products, makespan: s.makespan,
            flowTimeMean: s.flowTime.mean, flowTimeMedian: s.flowTimeMedian.estimate ?? 0,
            flowTime95: s.flowTime95.estimate ?? 0, leadTimeMean: s.leadTime.mean, wipMean: s.wip.mean(at: end),
            tardinessMean: s.tardiness.count > 0 ? s.tardiness.mean : nil,
            onTimeRate: s.tardiness.count > 0 ? Double(s.onTime) / Double(s.tardiness.count) : nil,
            finishedJobs: s.finishedJobs, finishedOrders: s.finishedOrders, scrappedJobs: s.scrappedJobs,
            reworks: s.reworks, lostOrders: s.lostOrders, stations: stations, materials: materials, crews: crews,
            released: s.totalReleased, finishedTotal: s.totalFinished, scrappedTotal: s.totalScrapped,
            inShopAtEnd: flow.jobsInShop)
        report.workerPools = workerPoolReports()
        report.quality = qualityReport()
        report.transport = transportReport()
        return report
    }
}
