import TaktFactory

extension FactoryKPIs {
    /// Per vehicle fleet its utilisation, the mean wait for a vehicle and its trips; per link
    /// the mean time on it and, for a conveyor, its occupancy; the mean transport time of a trip.
    static func transportKPIs(_ report: FactoryReport) -> [KPI] {
        guard let transport = report.transport else { return [] }
        let minutes = 1.0 / 60
        var kpis: [KPI] = []
        let trips = transport.links.reduce(0) { $0 + $1.trips }
        let time = transport.links.reduce(0.0) { $0 + $1.transitTimeMean * Double($1.trips) }
        kpis.append(KPI("transport_time_mean", "Transport time per trip, mean", unit: "min",
                        value: trips > 0 ? time / Double(trips) * minutes : 0))
        kpis.append(KPI("transport_trips", "Transport trips", unit: "", value: Double(trips)))
        for fleet in transport.fleets {
            kpis.append(KPI("vehicle_utilisation.\(fleet.name)", "\(fleet.name): vehicles busy", unit: "%",
                            value: 100 * fleet.utilisation))
            kpis.append(KPI("vehicle_wait.\(fleet.name)", "\(fleet.name): wait for a vehicle, mean", unit: "min",
                            value: fleet.waitMean * minutes))
        }
        for link in transport.links {
            guard let occupancy = link.occupancy else { continue }
            let name = "\(link.from)-\(link.to)"
            kpis.append(KPI("conveyor_occupancy.\(name)", "Conveyor \(link.from) → \(link.to): occupancy", unit: "%",
                            value: 100 * occupancy))
        }
        return kpis
    }
}
