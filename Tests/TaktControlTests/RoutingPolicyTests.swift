import TaktFactory
import TaktKernel
import XCTest

/// The routing seam: a policy decides which alternative station an operation goes to.
final class RoutingPolicyTests: XCTestCase {
    struct AlwaysLast: RoutingPolicy {
        func choose(from alternatives: [RoutingAlternative], product: Int, operation: Int, now: Double) -> Int {
            alternatives.count - 1
        }
    }

    struct PreferFree: RoutingPolicy {
        func choose(from alternatives: [RoutingAlternative], product: Int, operation: Int, now: Double) -> Int {
            alternatives.indices.first { alternatives[$0].freeMachines > 0 } ?? 0
        }
    }

    func run(_ routing: (any RoutingPolicy)?) -> FactoryReport {
        let configuration = FactoryConfiguration(
            stations: [StationSpec(name: "mill_a"), StationSpec(name: "mill_b")],
            products: [ProductSpec(name: "p",
                                   routing: [OperationSpec(name: "mill", stations: [0, 1],
                                                           processTime: .exponential(mean: 50))])],
            orderSources: [OrderSourceSpec(name: "jobs",
                                           arrivals: .renewal(interarrival: .exponential(mean: 40), count: 5_000,
                                                              until: nil),
                                           mix: [(product: 0, weight: 1)])])
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 2),
                                                        controllers: Controllers(routing: routing)))
        _ = simulation.run()
        simulation.finish()
        return simulation.model.report()
    }

    func testThePolicyDecidesWhereJobsGo() {
        let last = run(AlwaysLast())
        XCTAssertEqual(last.stations[0].processedUnits, 0)
        XCTAssertEqual(last.stations[1].processedUnits, 5_000)
        let builtIn = run(nil), free = run(PreferFree())
        XCTAssertGreaterThan(builtIn.stations[0].processedUnits, 1_000, "least-loaded spreads the work")
        XCTAssertGreaterThan(builtIn.stations[1].processedUnits, 1_000)
        XCTAssertLessThan(free.flowTimeMean, last.flowTimeMean / 2, "using both mills beats queueing at one")
    }
}
