import Foundation
import TaktFactory
import TaktKernel
import TaktScenario
import XCTest

/// Every example factory scenario (and each of its variants) obeys flow conservation exactly —
/// released = finished + scrapped + in the shop at the end — and Little's law L = λW, where
/// λ is the departure rate and W the mean time in the shop, within 5% (edge effects of jobs in
/// the shop at the start and end of the statistics period).
final class ExampleScenarioInvariantTests: XCTestCase {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")

    func testFlowConservationAndLittlesLawInEveryExample() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.scenarios.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var checked = 0
        for file in files {
            let path = Self.scenarios.appendingPathComponent(file).path
            let base = try ScenarioLoader.load(path: path)
            for variant in [nil] + base.variants.map(Optional.some) {
                let scenario = try ScenarioLoader.load(path: path, variant: variant)
                guard case .factory(let configuration) = scenario.model else { continue }
                let label = "\(file)\(variant.map { " [\($0)]" } ?? "")"
                let limits = RunLimits(endTime: scenario.run.endTime, warmUp: 0)
                var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 7)), limits: limits)
                _ = simulation.run()
                simulation.finish()
                let report = simulation.model.report()
                XCTAssertEqual(report.released, report.finishedTotal + report.scrappedTotal + report.inShopAtEnd, "\(label): conservation")
                XCTAssertGreaterThan(report.finishedJobs, 50, "\(label): the example produces something")
                if report.inShopAtEnd == 0 || report.period > 100 * report.flowTimeMean {
                    // W of departed jobs, with scrapped jobs' time approximated by finished ones' (scrap is rare)
                    let lambda = Double(report.finishedJobs + report.scrappedJobs) / report.period
                    XCTAssertEqual(report.wipMean, lambda * report.flowTimeMean, accuracy: 0.05 * report.wipMean, "\(label): Little's law")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 4, "every example factory was checked")
    }
}
