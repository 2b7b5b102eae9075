import TaktControl
import TaktFactory

extension FactoryKPIs {
    /// Every KPI of a finished run: the report's, maintenance cost and downtime, the
    /// controllers' own figures and, after a deployment, the window before it (`before.<kpi>`;
    /// the plain names then cover the window after the transition).
    static func kpis(of model: borrowing FactoryModel, report: FactoryReport, configuration: FactoryConfiguration,
                     plan: ControllerPlan) -> [KPI] {
        var result = kpis(report, configuration: configuration)
        result += maintenanceKPIs(report, configuration: configuration)
        for (prefix, metrics) in model.controllerMetrics {
            for metric in metrics {
                result.append(KPI("\(prefix).\(metric.name)", "\(prefix): \(metric.label)", unit: metric.unit,
                                  value: metric.value))
            }
        }
        result += warningKPIs(model.warningReports)
        for vision in model.visionSummaries {
            let name = vision.operation
            result += [
                KPI("vision_accuracy.\(name)", "\(name): final balanced accuracy (truth, not observable)", unit: "%",
                    value: 100 * (1 - vision.error)),
                KPI("vision_examples.\(name)", "\(name): effective examples (truth, not observable)", unit: "",
                    value: vision.examples),
            ]
        }
        result += trueEffectKPIs(plan, configuration: configuration, metrics: model.controllerMetrics)
        if let before = model.windowBefore {
            let earlier = kpis(before, configuration: configuration)
                + maintenanceKPIs(before, configuration: configuration)
            result += earlier.map { KPI("before.\($0.name)", "Before deployment: \($0.label)", unit: $0.unit,
                                        value: $0.value) }
        }
        return result
    }

    /// Downtime and maintenance cost, for scenarios with failures or maintenance.
    static func maintenanceKPIs(_ report: FactoryReport, configuration: FactoryConfiguration) -> [KPI] {
        let relevant = configuration.stations.contains { $0.breakdowns != nil || $0.wear != nil
                                                         || !$0.maintenance.isEmpty }
        guard relevant else { return [] }
        let costs = configuration.maintenanceCosts
        let failures = report.stations.reduce(0) { $0 + $1.failures }
        let maintenances = report.stations.reduce(0) { $0 + $1.maintenances }
        let downHours = report.stations.reduce(0.0) {
            $0 + $1.stateShares[MachineState.down.rawValue] * report.period * Double($1.machines)
        } / 3600
        let cost = costs.preventive * Double(maintenances) + costs.corrective * Double(failures)
            + costs.downtimePerHour * downHours
        return [
            KPI("failures", "Failures (all stations)", unit: "", value: Double(failures)),
            KPI("downtime", "Downtime (machine hours)", unit: "h", value: downHours),
            KPI("maintenances", "Maintenance done", unit: "", value: Double(maintenances)),
            KPI("maintenance_cost", "Maintenance cost (preventive + corrective + downtime)", unit: "", value: cost),
        ]
    }
}
