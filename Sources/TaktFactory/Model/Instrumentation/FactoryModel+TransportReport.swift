extension FactoryModel {
    /// The transport part of the report (nil without links).
    func transportReport() -> TransportReport? {
        guard transport.isActive, let spec = configuration.transport else { return nil }
        let s = instrumentation.statistics.transport, end = instrumentation.statistics.end
        let names = configuration.stations.map(\.name)
        let links = spec.links.enumerated().map { k, link -> TransportReport.Link in
            var means = "delay"
            var occupancy: Double?
            let load = s.load[k].mean(at: end)
            switch link.means {
            case .delay: break
            case .conveyor(_, _, let capacity):
                means = "conveyor"
                occupancy = load / Double(capacity)
            case .vehicle(let fleet, _): means = spec.fleets[fleet].name
            }
            return TransportReport.Link(from: names[link.from], to: names[link.to], means: means, trips: s.trips[k],
                                        transitTimeMean: s.transitTime[k].mean, loadMean: load, occupancy: occupancy)
        }
        let fleets = spec.fleets.enumerated().map { f, fleet in
            TransportReport.Fleet(name: fleet.name, vehicles: fleet.count,
                                  utilisation: s.busyVehicles[f].mean(at: end) / Double(fleet.count),
                                  waitMean: s.waitForVehicle[f].mean, trips: s.waitForVehicle[f].count)
        }
        return TransportReport(links: links, fleets: fleets)
    }
}
