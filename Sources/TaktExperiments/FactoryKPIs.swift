import Foundation
import TaktControl
import TaktFactory
import TaktKernel
import TaktScenario

/// The factory model's KPI catalogue: every KPI a factory run reports, by name, label and unit,
/// from its report (`kpis`), its maintenance, labour and quality figures, its controllers'
/// metrics and their scores against the hidden truth (the `+…` files).
enum FactoryKPIs {
    /// The KPI list of a factory run, in report order. Every replication of a scenario yields
    /// the same names, so they can be summarised across replications.
    static func kpis(_ report: FactoryReport, configuration: FactoryConfiguration) -> [KPI] {
        let minutes = 1.0 / 60, hours = 1.0 / 3600
        var kpis = [
            KPI("throughput", "Throughput (jobs)", unit: "1/h", value: report.throughput * 3600),
            KPI("flow_time_mean", "Flow time, mean", unit: "min", value: report.flowTimeMean * minutes),
            KPI("flow_time_p50", "Flow time, median", unit: "min", value: report.flowTimeMedian * minutes),
            KPI("flow_time_p95", "Flow time, 95th percentile", unit: "min", value: report.flowTime95 * minutes),
            KPI("lead_time_mean", "Lead time (orders), mean", unit: "min", value: report.leadTimeMean * minutes),
            KPI("wip_mean", "Work in process, mean", unit: "jobs", value: report.wipMean),
            KPI("finished_jobs", "Jobs finished", unit: "", value: Double(report.finishedJobs)),
            KPI("scrapped_jobs", "Jobs scrapped", unit: "", value: Double(report.scrappedJobs)),
            KPI("reworks", "Rework loops", unit: "", value: Double(report.reworks)),
            KPI("lost_orders", "Orders lost (buffer full)", unit: "", value: Double(report.lostOrders)),
        ]
        if hasFiniteDemand(configuration) {
            kpis.insert(KPI("makespan", "Makespan (last completion)", unit: "min", value: report.makespan * minutes),
                        at: 6)
        }
        if configuration.products.count > 1 {
            for product in report.throughputByProduct {
                kpis.append(KPI("throughput.\(product.product)", "Throughput \(product.product)", unit: "1/h",
                                value: product.rate * 3600))
            }
        }
        if hasDueDates(configuration) {
            kpis.append(KPI("tardiness_mean", "Tardiness, mean", unit: "min",
                            value: (report.tardinessMean ?? 0) * minutes))
            kpis.append(KPI("on_time_rate", "On time", unit: "%", value: 100 * (report.onTimeRate ?? 0)))
        }
        let blockingIsPossible = configuration.stations.contains { $0.bufferCapacity != nil }
        for (station, spec) in zip(report.stations, configuration.stations) {
            let name = station.name
            let share = { (state: MachineState) in 100 * station.stateShares[state.rawValue] }
            kpis.append(KPI("utilisation.\(name)", "\(name): utilisation", unit: "%", value: 100 * station.utilisation))
            kpis.append(KPI("oee.\(name)", "\(name): OEE", unit: "%", value: 100 * station.oee))
            kpis.append(KPI("availability.\(name)", "\(name): availability", unit: "%",
                            value: 100 * station.availability))
            kpis.append(KPI("performance.\(name)", "\(name): performance", unit: "%", value: 100 * station.performance))
            kpis.append(KPI("quality.\(name)", "\(name): quality", unit: "%", value: 100 * station.quality))
            kpis.append(KPI("queue_length.\(name)", "\(name): queue length", unit: "jobs",
                            value: station.queueLengthMean))
            if blockingIsPossible {   // decided by the configuration, so every replication lists the same KPIs
                kpis.append(KPI("blocked.\(name)", "\(name): blocked", unit: "%", value: share(.blocked)))
            }
            if spec.setup != nil {
                kpis.append(KPI("setup.\(name)", "\(name): setup", unit: "%", value: share(.setup)))
            }
            if hasMaterials(spec: station.name, configuration) {
                kpis.append(KPI("starved.\(name)", "\(name): starved", unit: "%", value: share(.starved)))
            }
            if spec.breakdowns != nil || spec.wear != nil {
                kpis.append(KPI("down.\(name)", "\(name): down", unit: "%", value: share(.down)))
                kpis.append(KPI("failures.\(name)", "\(name): failures", unit: "", value: Double(station.failures)))
                let operating = station.stateShares[MachineState.busy.rawValue] * report.period
                    * Double(station.machines)
                kpis.append(KPI("mtbf.\(name)", "\(name): MTBF (operating)", unit: "h",
                                value: (station.mtbf ?? operating) * hours))
                kpis.append(KPI("mttr.\(name)", "\(name): MTTR", unit: "min", value: (station.mttr ?? 0) * minutes))
            }
            if spec.powerKW != nil {
                kpis.append(KPI("energy.\(name)", "\(name): energy", unit: "kWh", value: station.energyKWh))
                kpis.append(KPI("energy_cost.\(name)", "\(name): energy cost", unit: "", value: station.energyCost))
            }
            if spec.calendar != nil {
                kpis.append(KPI("off_shift.\(name)", "\(name): off shift", unit: "%", value: share(.offShift)))
            }
            if !spec.maintenance.isEmpty {
                kpis.append(KPI("maintenance.\(name)", "\(name): planned maintenance", unit: "%",
                                value: share(.maintenance)))
            }
        }
        if configuration.stations.contains(where: { $0.powerKW != nil }) {
            kpis.append(KPI("energy", "Energy (all metered stations)", unit: "kWh",
                            value: report.stations.reduce(0) { $0 + $1.energyKWh }))
            kpis.append(KPI("energy_cost", "Energy cost (all metered stations)", unit: "",
                            value: report.stations.reduce(0) { $0 + $1.energyCost }))
        }
        for material in report.materials {
            kpis.append(KPI("inventory.\(material.name)", "\(material.name): inventory, mean", unit: "units",
                            value: material.inventoryMean))
            kpis.append(KPI("stockouts.\(material.name)", "\(material.name): stock-outs", unit: "",
                            value: Double(material.stockouts)))
        }
        for crew in report.crews {
            kpis.append(KPI("repair_share.\(crew.name)", "\(crew.name): time repairing", unit: "%",
                            value: 100 * crew.repairShare))
        }
        kpis += labourKPIs(report, configuration: configuration)
        kpis += transportKPIs(report)
        return kpis
    }

    /// True when every source ends (a schedule, or a count): then the makespan means something.
    static func hasFiniteDemand(_ configuration: FactoryConfiguration) -> Bool {
        configuration.orderSources.allSatisfy { source in
            switch source.arrivals {
            case .schedule: return true
            case .renewal(_, let count, _): return count != nil
            }
        }
    }

    static func hasDueDates(_ configuration: FactoryConfiguration) -> Bool {
        configuration.orderSources.contains { source in
            switch source.arrivals {
            case .schedule(let rows): return rows.contains { $0.due != nil }
            case .renewal: return source.due != .none
            }
        }
    }

    static func hasMaterials(spec station: String, _ configuration: FactoryConfiguration) -> Bool {
        guard let index = configuration.stations.firstIndex(where: { $0.name == station }) else { return false }
        return configuration.products.contains { product in
            product.routing.contains { $0.stations.contains(index) && !$0.consumes.isEmpty }
        }
    }
}
