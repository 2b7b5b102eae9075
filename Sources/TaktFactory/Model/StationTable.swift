import TaktKernel

/// Per station, the configuration facts the hot loop reads, as flat arrays of small values (no
/// copy of a whole `StationSpec` per event).
struct StationTable {
    /// Buffer capacity (`Int.max` when unlimited).
    let capacity: [Int]
    let isBatch: [Bool]
    let hasSetup: [Bool]
    let hasWear: [Bool]
    /// Machines' power draw is metered (kW per state given).
    let isMetered: [Bool]
    /// Some environment effect scales this station's processing times.
    let hasEnvironmentEffect: [Bool]
    let rule: [DispatchRule]
    /// When the station's machines need an operator (nil: never).
    let operatorNeed: [OperatorNeed?]
    let loadTime: [Distribution?]
    let unloadTime: [Distribution?]
    /// Expected load + unload time per step (part of the standard time in OEE performance).
    let handlingMean: [Double]
    /// 0: no breakdowns, 1: operating-time basis, 2: calendar-time basis.
    let failureBasis: [UInt8]

    init(_ configuration: FactoryConfiguration) {
        let stations = configuration.stations
        capacity = stations.map { $0.bufferCapacity ?? Int.max }
        isBatch = stations.map { $0.batch != nil }
        hasSetup = stations.map { $0.setup != nil }
        hasWear = stations.map { $0.wear != nil }
        isMetered = stations.map { $0.powerKW != nil }
        hasEnvironmentEffect = stations.indices.map { station in
            configuration.effects.contains { $0.target == .processTime && $0.stations.contains(station) }
        }
        rule = stations.map(\.dispatch)
        operatorNeed = stations.map(\.operators)
        loadTime = stations.map(\.loadTime)
        unloadTime = stations.map(\.unloadTime)
        handlingMean = stations.map { ($0.loadTime?.mean ?? 0) + ($0.unloadTime?.mean ?? 0) }
        failureBasis = stations.map { station in
            guard let breakdowns = station.breakdowns else { return 0 }
            return breakdowns.basis == .operatingTime ? 1 : 2
        }
    }
}
