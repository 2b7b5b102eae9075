extension FactoryModel {
    /// Energy drawn by one machine of `station` in `state` over [from, to), and its cost at the
    /// price in force at `from`.
    mutating func meter(_ station: Int, state: MachineState, from: Double, to: Double) {
        guard let power = configuration.stations[station].powerKW, power.indices.contains(state.rawValue) else {
            return
        }
        let kWh = power[state.rawValue] * (to - from) / 3600
        let price: Double
        switch configuration.electricityPrice {
        case .constant(let value): price = value
        case .variable(let index): price = environment.value(index, at: from)
        }
        instrumentation.energyDrawn(station: station, kWh: kWh, price: price)
    }
}
