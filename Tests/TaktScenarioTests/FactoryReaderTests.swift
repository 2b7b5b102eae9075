import Foundation
import TaktFactory
import TaktKernel
import TaktScenario
import XCTest

/// A good factory scenario read into its configuration: names resolved to indices (in file
/// order), times in seconds, distributions as written.
final class FactoryReaderTests: XCTestCase {
    static let text = """
        name: small shop
        run: {seed: 4, replications: 3, duration: 10 d, warm_up: 1 d}
        families: [small, large]
        stations:
          cut:
            machines: 2
            buffer: 10
            dispatch: "atc(k: 2)"
            setup:
              initial: 5 min
              matrix:
                small: {large: 10 min}
                large: {small: "uniform(min: 3 min, max: 6 min)"}
            load: 30 s
            unload: 20 s
            breakdowns:
              time_to_failure: "exponential(mean: 8 h)"
              basis: calendar
              repair: "lognormal(mean: 30 min, sd: 10 min)"
              after_repair: restart
              crew: fitters
            maintenance:
              - {start: 1 d, duration: 4 h, every: 7 d}
          cut_b: {dispatch: edd}
          oven:
            batch: {max: 8, min: 4, max_wait: 30 min}
        repair_crews:
          fitters: {size: 2, side_job: 30 min}
        products:
          bracket:
            family: large
            routing:
              - {station: oven, time: 1 h}
          widget:
            family: large
            routing:
              - station: cut
                time: "normal(mean: 4 min, sd: 30 s)"
                name: cutting
                consumes: {steel: 2, bracket: 1}
              - stations: [cut_b, cut]
                time: 2 min
                scrap: 0.02
                rework: {probability: 0.1, to: cutting}
        materials:
          steel:
            initial: 100
            policy: {s: 20, S: 100}
            lead_time: "uniform(min: 1 d, max: 3 d)"
          paint:
            policy: {reorder_point: 5, quantity: 50}
            lead_time: 2 d
        orders:
          - name: customers
            interarrival: "exponential(mean: 10 min)"
            count: 1000
            until: 20 d
            mix: {widget: 3, bracket: 1}
            quantity: "uniform(min: 1, max: 5)"
            due: 2 d
            priority: 2
            when_full: reject
          - name: walk_ins
            rate: 6 /h
            product: bracket
            due_factor: 3
          - name: plan
            schedule:
              - {at: 2 h, product: widget, quantity: 5, due: 2 d, priority: 1}
              - {at: 0 s, product: bracket}
        release: {conwip: 20}
        record_gantt: true
        stop_after_jobs: 5000
        variants:
          faster_cut:
            stations: {cut: {machines: 3, buffer: 4}}
            orders:
              - {name: only, rate: 1 /min, product: widget}
        """

    func factory(_ variant: String? = nil) throws -> (Scenario, FactoryConfiguration) {
        let scenario = try ScenarioLoader.parse(Self.text, file: "shop.yaml", variant: variant)
        guard case .factory(let configuration) = scenario.model else { throw NotAFactory() }
        return (scenario, configuration)
    }

    struct NotAFactory: Error {}

    func testScenarioAndRunSettings() throws {
        let (scenario, _) = try factory()
        XCTAssertEqual(scenario.name, "small shop")
        XCTAssertEqual(scenario.run.endTime, 864_000)
        XCTAssertEqual(scenario.run.warmUp, 86_400)
        XCTAssertEqual(scenario.variants, ["faster_cut"])
        XCTAssertNil(scenario.variant)
    }

    func testStations() throws {
        let (_, factory) = try factory()
        XCTAssertEqual(factory.stations.map(\.name), ["cut", "cut_b", "oven"])
        let cut = factory.stations[0]
        XCTAssertEqual(cut.machines, 2)
        XCTAssertEqual(cut.bufferCapacity, 10)
        XCTAssertEqual(cut.dispatch, .atc(k: 2))
        XCTAssertEqual(cut.loadTime, .constant(30))
        XCTAssertEqual(cut.unloadTime, .constant(20))
        let setup = try XCTUnwrap(cut.setup)
        XCTAssertEqual(setup.families, ["small", "large"])
        XCTAssertEqual(setup.initial, [.constant(300), .constant(300)])
        XCTAssertEqual(setup.times, [[nil, .constant(600)], [.uniform(min: 180, max: 360), nil]])
        let breakdowns = try XCTUnwrap(cut.breakdowns)
        XCTAssertEqual(breakdowns.timeToFailure, .exponential(mean: 28_800))
        XCTAssertEqual(breakdowns.basis, .calendarTime)
        XCTAssertEqual(breakdowns.repairTime, .lognormal(mean: 1800, sd: 600))
        XCTAssertEqual(breakdowns.afterRepair, .restart)
        XCTAssertEqual(breakdowns.crew, 0)
        XCTAssertEqual(cut.maintenance, [MaintenanceWindow(start: 86_400, duration: 14_400, period: 604_800)])
        XCTAssertEqual(factory.stations[1].dispatch, .edd)
        XCTAssertNil(factory.stations[1].bufferCapacity)
        XCTAssertEqual(factory.stations[1].machines, 1)
        let batch = try XCTUnwrap(factory.stations[2].batch)
        XCTAssertEqual([batch.maxSize, batch.minSize], [8, 4])
        XCTAssertEqual(batch.maxWait, 1800)
        XCTAssertEqual(factory.repairCrews.map(\.name), ["fitters"])
        XCTAssertEqual(factory.repairCrews[0].size, 2)
        XCTAssertEqual(factory.repairCrews[0].sideJob, .constant(1800))
    }

    func testProductsAndRoutings() throws {
        let (_, factory) = try factory()
        XCTAssertEqual(factory.products.map(\.name), ["bracket", "widget"])
        XCTAssertEqual(factory.products.map(\.family), [1, 1])
        let routing = factory.products[1].routing
        XCTAssertEqual(routing.map(\.name), ["cutting", "cut_b"])
        XCTAssertEqual(routing.map(\.stations), [[0], [1, 0]])
        XCTAssertEqual(routing[0].processTime, .normal(mean: 240, sd: 30))
        XCTAssertEqual(routing[0].consumes, [ComponentUse(item: .material(0), quantity: 2),
                                             ComponentUse(item: .product(0), quantity: 1)])
        XCTAssertEqual(routing[1].scrapProbability, 0.02)
        XCTAssertEqual(routing[1].rework, Rework(probability: 0.1, toOperation: 0))
        XCTAssertNil(routing[0].rework)
    }

    func testMaterials() throws {
        let (_, factory) = try factory()
        XCTAssertEqual(factory.materials.map(\.name), ["steel", "paint"])
        XCTAssertEqual(factory.materials.map(\.initialStock), [100, 0])
        XCTAssertEqual(factory.materials.map(\.policy), [.minMax(s: 20, S: 100), .reorderPoint(r: 5, Q: 50)])
        XCTAssertEqual(factory.materials.map(\.leadTime), [.uniform(min: 86_400, max: 259_200), .constant(172_800)])
    }

    func testOrderSources() throws {
        let (_, factory) = try factory()
        XCTAssertEqual(factory.orderSources.map(\.name), ["customers", "walk_ins", "plan"])
        let customers = factory.orderSources[0]
        guard case .renewal(let interarrival, let count, let until) = customers.arrivals else { return XCTFail() }
        XCTAssertEqual(interarrival, .exponential(mean: 600))
        XCTAssertEqual(count, 1000)
        XCTAssertEqual(until, 1_728_000)
        XCTAssertEqual(customers.mix.map(\.product), [1, 0])
        XCTAssertEqual(customers.mix.map(\.weight), [3, 1])
        XCTAssertEqual(customers.quantity, .uniform(min: 1, max: 5))
        XCTAssertEqual(customers.due, .leadTime(.constant(172_800)))
        XCTAssertEqual(customers.priority, 2)
        XCTAssertEqual(customers.whenFull, .reject)
        let walkIns = factory.orderSources[1]
        guard case .renewal(let poisson, nil, nil) = walkIns.arrivals else { return XCTFail() }
        XCTAssertEqual(poisson, .exponential(mean: 600))
        XCTAssertEqual(walkIns.due, .totalWork(factor: 3))
        XCTAssertEqual(walkIns.quantity, .constant(1))
        XCTAssertEqual(walkIns.whenFull, .wait)
        guard case .schedule(let plan) = factory.orderSources[2].arrivals else { return XCTFail() }
        XCTAssertEqual(plan, [ScheduledOrder(time: 0, product: 0),
                              ScheduledOrder(time: 7200, product: 1, quantity: 5, due: 172_800, priority: 1)],
                       "sorted by time")
    }

    func testShopSettings() throws {
        let (_, factory) = try factory()
        XCTAssertEqual(factory.release, .conwip(cap: 20))
        XCTAssertTrue(factory.recordGantt)
        XCTAssertEqual(factory.stopAfterJobs, 5000)
    }

    func testVariantIsMergedIntoTheBase() throws {
        let (scenario, factory) = try factory("faster_cut")
        XCTAssertEqual(scenario.variant, "faster_cut")
        XCTAssertEqual(factory.stations[0].machines, 3)
        XCTAssertEqual(factory.stations[0].bufferCapacity, 4)
        XCTAssertEqual(factory.stations[0].dispatch, .atc(k: 2), "keys the variant does not name stay as in the base")
        XCTAssertNotNil(factory.stations[0].setup)
        XCTAssertEqual(factory.orderSources.map(\.name), ["only"], "a list is replaced, not merged")
    }

    func testUnknownVariantIsReportedWithSuggestion() {
        XCTAssertThrowsError(try ScenarioLoader.parse(Self.text, file: "shop.yaml", variant: "faster_cutt")) { error in
            let message = (error as? ScenarioError)?.diagnostics.first?.message ?? ""
            XCTAssertTrue(message.contains("did you mean 'faster_cut'?"), message)
        }
    }

    func testABadVariantMakesTheWholeFileBad() {
        let text = Self.text + "\n  broken:\n    stations: {oven: {batch: {min: 9}}}\n"
        XCTAssertThrowsError(try ScenarioLoader.parse(text, file: "shop.yaml")) { error in
            let diagnostics = (error as? ScenarioError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.count, 1)
            XCTAssertTrue(diagnostics.first?.message.hasPrefix("variant 'broken': ") ?? false, "\(diagnostics)")
        }
    }

    func testOrdersFromACSVFileBesideTheScenario() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "time,product,quantity,due,priority\n30 min,widget,5,2 d,1\n0 s,\"widget\",,,\n# a comment\n\n"
            .write(to: folder.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
        let scenario = """
            name: csv
            run: {duration: 1 d}
            stations: {cut: {}}
            products: {widget: {routing: [{station: cut, time: 1 min}]}}
            orders: [{name: erp, file: orders.csv, when_full: reject}]
            """
        let path = folder.appendingPathComponent("shop.yaml").path
        try scenario.write(toFile: path, atomically: true, encoding: .utf8)
        guard case .factory(let factory) = try ScenarioLoader.load(path: path).model,
              case .schedule(let orders) = factory.orderSources[0].arrivals else { return XCTFail() }
        XCTAssertEqual(orders, [ScheduledOrder(time: 0, product: 0),
                                ScheduledOrder(time: 1800, product: 0, quantity: 5, due: 172_800, priority: 1)])
        XCTAssertEqual(factory.orderSources[0].whenFull, .reject)
    }
}
