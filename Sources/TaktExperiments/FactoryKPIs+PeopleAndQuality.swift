import TaktFactory

extension FactoryKPIs {
    /// KPIs of the worker pools (utilisation, hours per activity, overtime, labour cost) and of
    /// quality (first-pass yield, scrap, rework, inspections, escapes, cost of quality).
    static func labourKPIs(_ report: FactoryReport, configuration: FactoryConfiguration) -> [KPI] {
        var kpis: [KPI] = []
        for (station, spec) in zip(report.stations, configuration.stations) where spec.operators != nil {
            kpis.append(KPI("operator_hours.\(station.name)", "\(station.name): operator hours", unit: "h",
                            value: station.operatorHours))
            if spec.calendar == nil {
                kpis.append(KPI("off_shift.\(station.name)", "\(station.name): no operator at work", unit: "%",
                                value: 100 * station.stateShares[MachineState.offShift.rawValue]))
            }
        }
        for (pool, spec) in zip(report.workerPools, configuration.workerPools) {
            let name = pool.name
            kpis.append(KPI("worker_utilisation.\(name)", "\(name): utilisation", unit: "%",
                            value: 100 * pool.utilisation))
            // The activities the pool is qualified for, whether or not a run called on them: every
            // replication reports the same KPIs.
            let operates = spec.skills.keys.contains { if case .operate = $0 { true } else { false } }
            let repairs = spec.skills[.repair] != nil
            for (activity, hours) in zip(LabourStatistics.activities, pool.activityHours)
            where activity == "operating" ? operates : repairs {
                kpis.append(KPI("\(activity)_hours.\(name)", "\(name): \(activity) hours", unit: "h", value: hours))
            }
            kpis.append(KPI("overtime_hours.\(name)", "\(name): overtime", unit: "h", value: pool.overtimeHours))
            kpis.append(KPI("labour_cost.\(name)", "\(name): labour cost", unit: "", value: pool.labourCost))
        }
        if let quality = report.quality {
            kpis += [
                KPI("first_pass_yield", "First-pass yield", unit: "%", value: 100 * quality.firstPassYield),
                KPI("scrap_rate", "Scrap rate", unit: "%", value: 100 * quality.scrapRate),
                KPI("rework_rate", "Rework rate", unit: "%", value: 100 * quality.reworkRate),
                KPI("inspections", "Inspections", unit: "", value: Double(quality.inspected)),
                KPI("rejected", "Rejected by inspection", unit: "", value: Double(quality.rejected)),
                KPI("false_rejects", "False rejects (good parts rejected)", unit: "",
                    value: Double(quality.falseRejects)),
                KPI("escaped_defects", "Escaped defects (field failures)", unit: "",
                    value: Double(quality.escapedDefects)),
                KPI("escaped_rate", "Escaped defects per order", unit: "%", value: 100 * quality.escapedRate),
                KPI("inspection_hours", "Inspection labour", unit: "h", value: quality.inspectionHours),
                KPI("quality_cost", "Cost of quality", unit: "", value: quality.cost),
                KPI("defects_made", "Defects made (truth, not observable)", unit: "",
                    value: Double(quality.defectsMade)),
            ]
        }
        if !report.workerPools.isEmpty {
            kpis.append(KPI("labour_cost", "Labour cost", unit: "",
                            value: report.workerPools.reduce(0) { $0 + $1.labourCost }))
        }
        return kpis
    }
}
