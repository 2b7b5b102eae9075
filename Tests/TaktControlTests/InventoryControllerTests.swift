import TaktControl
import TaktFactory
import TaktKernel
import XCTest

/// The inventory seam: a controller reproducing the built-in policies gives identical runs.
final class InventoryControllerTests: XCTestCase {
    func line(_ policies: [ReplenishmentPolicy]) -> FactoryConfiguration {
        let materials = policies.enumerated().map { index, policy in
            MaterialSpec(name: "m\(index)", initialStock: 20, policy: policy, leadTime: .exponential(mean: 3 * 3600))
        }
        let routing = [OperationSpec(name: "assemble", stations: [0], processTime: .exponential(mean: 240),
                                     consumes: [ComponentUse(item: .material(0), quantity: 2),
                                                ComponentUse(item: .material(1), quantity: 1)])]
        return FactoryConfiguration(
            stations: [StationSpec(name: "assembly", machines: 2)],
            products: [ProductSpec(name: "kit", routing: routing)],
            materials: materials,
            orderSources: [OrderSourceSpec(name: "demand",
                                           arrivals: .renewal(interarrival: .exponential(mean: 300), count: nil,
                                                              until: nil),
                                           mix: [(product: 0, weight: 1)])])
    }

    func report(_ configuration: FactoryConfiguration, controllers: Controllers) -> FactoryReport {
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 8),
                                                        controllers: controllers),
                                    limits: RunLimits(endTime: 60 * 86_400, warmUp: 86_400))
        _ = simulation.run()
        simulation.finish()
        return simulation.model.report()
    }

    func testAControllerWithTheBuiltInPoliciesGivesTheSameRun() {
        let policies: [ReplenishmentPolicy] = [.minMax(s: 30, S: 120), .reorderPoint(r: 15, Q: 40)]
        let builtIn = report(line(policies), controllers: Controllers())
        let reorder = ReorderPolicyController(policies: [0: policies[0], 1: policies[1]])
        let controlled = report(line([.none, .none]), controllers: Controllers(inventory: reorder))
        XCTAssertGreaterThan(builtIn.materials[0].stockouts + builtIn.materials[1].stockouts, 0,
                             "the test should exercise shortages")
        XCTAssertEqual(controlled.finishedJobs, builtIn.finishedJobs)
        XCTAssertEqual(controlled.flowTimeMean, builtIn.flowTimeMean)
        for (a, b) in zip(controlled.materials, builtIn.materials) {
            XCTAssertEqual(a.inventoryMean, b.inventoryMean)
            XCTAssertEqual(a.stockouts, b.stockouts)
            XCTAssertEqual(a.replenishments, b.replenishments)
        }
    }
}
