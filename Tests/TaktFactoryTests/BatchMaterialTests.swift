import TaktFactory
import TaktKernel
import TaktScenario
import XCTest

/// A batch takes its jobs' materials together: jobs that each find enough stock alone must not
/// start as one batch when together they need more than the stock holds (found by the random
/// scenarios: stock went to −1).
final class BatchMaterialTests: XCTestCase {
    func testABatchNeverTakesMoreMaterialThanIsInStock() throws {
        let yaml = """
        name: oven with scarce steel
        run: {duration: 1 d}
        stations:
          oven: {batch: {max: 2, min: 1}}
        materials:
          steel: {initial: 3}
        products:
          tray:
            routing:
              - {station: oven, time: 10 min, consumes: {steel: 2}}
        orders:
          - name: plan
            schedule:
              - {at: 0 s, product: tray}
              - {at: 0 s, product: tray}
        """
        let scenario = try ScenarioLoader.parse(yaml, file: "batch-material.yaml")
        guard case .factory(let configuration) = scenario.model else { return XCTFail("not a factory") }
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1)),
                                    limits: RunLimits(endTime: scenario.run.endTime))
        _ = simulation.run()
        simulation.finish()
        let report = simulation.model.report()
        XCTAssertEqual(report.finishedTotal, 1, "only one tray's steel is in stock")
        XCTAssertEqual(report.inShopAtEnd, 1, "the other tray waits for steel")
        XCTAssertGreaterThanOrEqual(report.materials[0].inventoryMean, 0, "stock never negative")
        XCTAssertEqual(report.materials[0].inventoryMean, 1, accuracy: 1e-6, "3 − 2 units for (almost) the whole day")
    }
}
