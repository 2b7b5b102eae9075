extension FactoryModel {
    /// Does the configuration model quality at all (recipes, defects or inspections)?
    var modelsQuality: Bool { qualitySystem.qualityTable.isActive.contains(true) }

    /// The quality KPIs (nil when the configuration models no quality).
    func qualityReport() -> QualityReport? {
        guard modelsQuality else { return nil }
        let s = instrumentation.statistics
        let q = s.quality
        let left = Double(s.finishedJobs + s.scrappedJobs)
        let orders = Double(s.finishedOrders)
        var inspectionStations = Set<Int>()
        for product in configuration.products {
            for operation in product.routing where operation.inspection?.method == .manual {
                inspectionStations.formUnion(operation.stations)
            }
        }
        let inspectionHours = inspectionStations.reduce(0.0) { $0 + s.labour.operatorTime[$1] } / 3600
        let pools = configuration.workerPools.filter { $0.count > 0 }
        let wage = pools.isEmpty ? 0 : pools.reduce(0.0) { $0 + $1.costPerHour } / Double(pools.count)
        let costs = configuration.qualityCosts
        let cost = costs.scrap * Double(q.scrappedUnits) + costs.rework * Double(q.reworkedUnits)
            + costs.escapedDefect * Double(q.escapedUnits) + costs.inspection * Double(q.inspectedUnits) + wage
                * inspectionHours
        return QualityReport(
            firstPassYield: left > 0 ? Double(q.firstPassJobs) / left : 1,
            scrapRate: left > 0 ? Double(s.scrappedJobs) / left : 0,
            reworkRate: left > 0 ? Double(s.reworks) / left : 0,
            inspected: q.inspected, rejected: q.rejected, falseRejects: q.falseRejects, falseAccepts: q.falseAccepts,
            escapedDefects: q.escapedDefects, escapedRate: orders > 0 ? Double(q.escapedDefects) / orders : 0,
            defectsMade: q.defectsMade, inspectionHours: inspectionHours, cost: cost)
    }
}
