import TaktFactory

extension FactoryRunner {
    /// KPIs of the worker pools: utilisation, hours per activity, overtime, labour cost.
    static func labourKPIs(_ report: FactoryReport, configuration: FactoryConfiguration) -> [KPI] {
        var kpis: [KPI] = []
        for (station, spec) in zip(report.stations, configuration.stations) where spec.operators != nil {
            kpis.append(KPI("operator_hours.\(station.name)", "\(station.name): operator hours", unit: "h", value: station.operatorHours))
            if spec.calendar == nil {
                kpis.append(KPI("off_shift.\(station.name)", "\(station.name): no operator at work", unit: "%",
                                value: 100 * station.stateShares[MachineState.offShift.rawValue]))
            }
        }
        for pool in report.workerPools {
            let name = pool.name
            kpis.append(KPI("worker_utilisation.\(name)", "\(name): utilisation", unit: "%", value: 100 * pool.utilisation))
            for (activity, hours) in zip(LabourStatistics.activities, pool.activityHours) where hours > 0 {
                kpis.append(KPI("\(activity)_hours.\(name)", "\(name): \(activity) hours", unit: "h", value: hours))
            }
            kpis.append(KPI("overtime_hours.\(name)", "\(name): overtime", unit: "h", value: pool.overtimeHours))
            kpis.append(KPI("labour_cost.\(name)", "\(name): labour cost", unit: "", value: pool.labourCost))
        }
        if !report.workerPools.isEmpty {
            kpis.append(KPI("labour_cost", "Labour cost", unit: "", value: report.workerPools.reduce(0) { $0 + $1.labourCost }))
        }
        return kpis
    }
}
