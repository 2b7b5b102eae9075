import TaktFactory
import TaktKernel
import XCTest

/// Energy: power per machine state, integrated over the state intervals, priced per kWh.
final class EnergyTests: XCTestCase {
    func run(price: ElectricityPrice, environment: [EnvironmentVariable] = []) -> StationReport {
        var station = StationSpec(name: "oven")
        var power = Array(repeating: 0.0, count: MachineState.allCases.count)
        power[MachineState.busy.rawValue] = 15
        power[MachineState.idle.rawValue] = 3
        station.powerKW = power
        var configuration = FactoryConfiguration(
            stations: [station],
            products: [ProductSpec(name: "p", routing: [OperationSpec(name: "bake", stations: [0],
                                                                      processTime: .constant(3600))])],
            orderSources: [OrderSourceSpec(name: "plan", arrivals: .schedule([ScheduledOrder(time: 0, product: 0)]),
                                           mix: [])])
        configuration.environment = environment
        configuration.electricityPrice = price
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1)),
                                    limits: RunLimits(endTime: 7200))
        // the only order finishes at 1 h; keep the clock running to 2 h
        while simulation.run() == .modelRequested && simulation.now < 7200 {
            simulation.calendar.advance(to: 7200)
        }
        simulation.finish()
        return simulation.model.report().stations[0]
    }

    /// Busy 1 h at 15 kW and idle 1 h at 3 kW: 18 kWh; at 0.10 per kWh, 1.80.
    func testEnergyAndCost() {
        let station = run(price: .constant(0.1))
        XCTAssertEqual(station.energyKWh, 18, accuracy: 1e-9)
        XCTAssertEqual(station.energyCost, 1.8, accuracy: 1e-9)
    }

    /// A price that steps from 0.10 to 0.30 at 1 h: 15 × 0.10 + 3 × 0.30 = 2.40.
    func testPriceFromAnEnvironmentVariable() {
        let station = run(price: .variable(0),
                          environment: [EnvironmentVariable(name: "price",
                                                            profile: .piecewise(times: [0, 3600], values: [0.1, 0.3]))])
        XCTAssertEqual(station.energyCost, 2.4, accuracy: 1e-9)
    }
}
