import TaktFactory

/// The names of a factory's machines, one per global machine index: `"<station>/<k>"` with k from
/// 0 within the station (`saw/0`, `mill/1`). The result file's `/lookup/machines` and the Gantt
/// chart's lanes both use these, so a lane reads the same in the chart as in the file.
public enum MachineNames {
    /// Name and station index of every machine, in global machine order.
    public static func of(_ configuration: FactoryConfiguration) -> [(name: String, station: Int)] {
        var machines: [(name: String, station: Int)] = []
        for (index, station) in configuration.stations.enumerated() {
            for k in 0..<station.machines { machines.append(("\(station.name)/\(k)", index)) }
        }
        return machines
    }
}
