import Foundation
import TaktFactory
import TaktScenario
import XCTest

/// The example scenarios in scenarios/ load, in every variant, into the factories they describe.
final class ExampleScenarioTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios")

    func factory(_ file: String, variant: String? = nil) throws -> FactoryConfiguration {
        let scenario = try ScenarioLoader.load(path: Self.folder.appendingPathComponent(file).path, variant: variant)
        guard case .factory(let factory) = scenario.model else { throw NotAFactory(file: file) }
        return factory
    }

    struct NotAFactory: Error { var file: String }

    func testJobShopVariants() throws {
        let base = try factory("job-shop.yaml")
        XCTAssertEqual(base.stations.count, 10)
        let lathe = try XCTUnwrap(base.stations.firstIndex { $0.name == "lathe" })
        XCTAssertEqual(base.stations[lathe].dispatch, .atc(k: 2))
        XCTAssertEqual(try factory("job-shop.yaml", variant: "edd_everywhere").stations[lathe].dispatch, .edd)
        let third = try factory("job-shop.yaml", variant: "third_lathe").stations[lathe]
        XCTAssertEqual(third.machines, 3)
        XCTAssertEqual(third.dispatch, .atc(k: 2))
        XCTAssertEqual(third.setup?.families, ["steel", "aluminium", "brass"])
    }

    func testAssemblyHasASubAssemblyAndACSVSource() throws {
        let assembly = try factory("assembly.yaml")
        let frame = try XCTUnwrap(assembly.products.firstIndex { $0.name == "frame" })
        let scooter = try XCTUnwrap(assembly.products.first { $0.name == "scooter" })
        XCTAssertTrue(scooter.routing[0].consumes.contains(ComponentUse(item: .product(frame), quantity: 1)))
        guard case .schedule(let fleet) = assembly.orderSources[1].arrivals
        else { return XCTFail("fleet is a CSV schedule") }
        XCTAssertEqual(fleet.count, 11)
        XCTAssertEqual(fleet.first?.time, 86_400)
    }

    func testMachineShopMatchesSimPy() throws {
        let shop = try factory("machine-shop.yaml")
        XCTAssertEqual(shop.stations[0].machines, 10)
        XCTAssertEqual(shop.products[0].routing[0].processTime, .normal(mean: 600, sd: 120))
        XCTAssertEqual(shop.stations[0].breakdowns?.timeToFailure, .exponential(mean: 18_000))
        XCTAssertEqual(shop.stations[0].breakdowns?.crew, 0)
        XCTAssertEqual(shop.repairCrews[0].sideJob, .constant(1800))
    }
}
