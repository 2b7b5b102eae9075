import Foundation
import TaktFactory
import TaktKernel
import TaktScenario
import XCTest

/// A rule scheduler hidden behind another type, so the model cannot compile it into the
/// stations' rules: it runs through the seam (observation, offer, assignment).
struct ThroughTheSeam: SchedulingController {
    var inner: DispatchRuleScheduler
    var name: String { "seam-\(inner.name)" }
    mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        inner.dispatch(at: station, shop: shop)
    }
}

/// Holds all work until `until`, then dispatches first-in-first-out.
struct HoldUntil: SchedulingController {
    var until: Double
    var name: String { "hold" }
    var nextReview: Double? { until }
    mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        guard shop.now >= until else { return [] }
        var fifo = DispatchRuleScheduler(rule: .fifo)
        return fifo.dispatch(at: station, shop: shop)
    }
}

/// Asks for impossible starts: a job that does not exist, a machine of another station.
struct Nonsense: SchedulingController {
    var name: String { "nonsense" }
    mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        var result = [Assignment(job: -7, machine: 0), Assignment(job: 0, machine: 10_000)]
        var fifo = DispatchRuleScheduler(rule: .fifo)
        result += fifo.dispatch(at: station, shop: shop)
        return result
    }
}

/// The rows as comparable text (a row with no setup holds NaN, which never equals itself), and
/// the first row where two schedules differ.
func firstDifference(_ a: [GanttRow], _ b: [GanttRow]) -> String? {
    func text(_ row: GanttRow) -> String {
        "job \(row.job) op \(row.operation) machine \(row.machine) setup \(row.setupStart.isNaN ? -1 : row.setupStart) "
            + "\(row.start)–\(row.end) \(row.outcome)"
    }
    for (index, (x, y)) in zip(a, b).enumerated() where text(x) != text(y) {
        return "row \(index): \(text(x)) vs \(text(y))"
    }
    return a.count == b.count ? nil : "\(a.count) rows vs \(b.count)"
}

final class SchedulingSeamTests: XCTestCase {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scenarios").standardized.path

    static let rules: [DispatchRule] = [.fifo, .spt, .lpt, .edd, .criticalRatio, .mwkr, .mopnr, .lor, .srpt,
                                        .priority, .atc(k: 2)]

    func factory(_ file: String) throws -> FactoryConfiguration {
        let scenario = try ScenarioLoader.load(path: "\(Self.scenarios)/\(file)")
        guard case .factory(var configuration) = scenario.model else { throw XCTSkip("not a factory") }
        configuration.recordGantt = true
        return configuration
    }

    func run(_ configuration: FactoryConfiguration, controllers: Controllers = Controllers(),
             until end: Double = 3 * 86_400, seed: UInt64 = 7) -> (gantt: [GanttRow], report: FactoryReport,
                                                                     metrics: [String: Double]) {
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: seed),
                                                        controllers: controllers),
                                    limits: RunLimits(endTime: end))
        _ = simulation.run()
        simulation.finish()
        var metrics: [String: Double] = [:]
        for (prefix, list) in simulation.model.controllerMetrics {
            for metric in list { metrics["\(prefix).\(metric.name)"] = metric.value }
        }
        return (simulation.model.gantt, simulation.model.report(), metrics)
    }

    /// Every built-in rule gives the very same run through the seam as on the inline path: the
    /// same operations on the same machines at the same times, on the job shop (setups, batches,
    /// alternative stations, breakdowns) and on the flow line (blocking, rework, scrap).
    func testEveryRuleThroughTheSeamMatchesTheInlinePath() throws {
        for (name, base) in [("job-shop", try factory("job-shop.yaml")), ("flow-line", Factories.flowLine())] {
            var configuration = base
            configuration.recordGantt = true
            for rule in Self.rules {
                var ruled = configuration
                for s in ruled.stations.indices where ruled.stations[s].batch == nil {
                    ruled.stations[s].dispatch = rule
                }
                let inline = run(ruled)
                let hidden = ThroughTheSeam(inner: DispatchRuleScheduler(rule: rule))
                let seam = run(configuration, controllers: Controllers(scheduling: hidden))
                XCTAssertGreaterThan(inline.gantt.count, 100, "\(name) \(rule.name)")
                XCTAssertNil(firstDifference(seam.gantt, inline.gantt), "\(name) \(rule.name): the seam changed it")
                XCTAssertEqual(seam.report.flowTimeMean, inline.report.flowTimeMean)
                XCTAssertEqual(seam.metrics["scheduling.rejected"], 0)
                XCTAssertGreaterThan(seam.metrics["scheduling.offers"] ?? 0, Double(inline.gantt.count) * 0.5)
            }
        }
    }

    /// A rule plugged in as the scheduler is the same as writing it at every station.
    func testRuleSchedulerEqualsTheRuleAtEveryStation() throws {
        let configuration = try factory("job-shop.yaml")
        var ruled = configuration
        for s in ruled.stations.indices where ruled.stations[s].batch == nil { ruled.stations[s].dispatch = .spt }
        let plugged = run(configuration, controllers: Controllers(scheduling: DispatchRuleScheduler(rule: .spt)))
        XCTAssertNil(firstDifference(plugged.gantt, run(ruled).gantt))
        XCTAssertNotNil(firstDifference(plugged.gantt, run(configuration).gantt), "spt should differ from the rules")
    }

    /// Holding work back: nothing starts before the scheduler's review time, the machine is idle
    /// (not starved) meanwhile, and everything starts from then on.
    func testSchedulerCanHoldWorkBackUntilItsReview() {
        let configuration = FactoryConfiguration(
            stations: [StationSpec(name: "m")],
            products: [ProductSpec(name: "p", routing: [OperationSpec(name: "a", stations: [0],
                                                                      processTime: .constant(10))])],
            orderSources: [OrderSourceSpec(
                name: "plan", arrivals: .schedule((0..<3).map { ScheduledOrder(time: Double($0), product: 0) }),
                mix: [])],
            recordGantt: true)
        let held = run(configuration, controllers: Controllers(scheduling: HoldUntil(until: 100)), until: 1000)
        XCTAssertEqual(held.gantt.map(\.start), [100, 110, 120])
        XCTAssertEqual(held.report.stations[0].stateShares[MachineState.starved.rawValue], 0)
        XCTAssertEqual(held.report.makespan, 130)
        XCTAssertGreaterThan(held.metrics["scheduling.held"] ?? 0, 0)
    }

    /// Impossible starts are skipped and counted; the possible one is made.
    func testImpossibleStartsAreSkippedAndCounted() {
        let configuration = Factories.flowLine()
        let sensible = run(configuration, controllers: Controllers(
            scheduling: ThroughTheSeam(inner: DispatchRuleScheduler(rule: .fifo))), until: 20_000)
        let nonsense = run(configuration, controllers: Controllers(scheduling: Nonsense()), until: 20_000)
        XCTAssertEqual(nonsense.report.finishedJobs, sensible.report.finishedJobs)
        XCTAssertEqual(nonsense.metrics["scheduling.rejected"], 2 * (nonsense.metrics["scheduling.offers"] ?? -1))
    }

    /// A shadow scheduler changes nothing, and agrees fully with an identical active one.
    func testShadowSchedulerChangesNothing() throws {
        let configuration = try factory("job-shop.yaml")
        let alone = run(configuration)
        let watched = run(configuration, controllers: Controllers(shadowScheduling: DispatchRuleScheduler()))
        XCTAssertNil(firstDifference(watched.gantt, alone.gantt))
        XCTAssertEqual(watched.metrics["shadow.scheduling.agreement"], 100)
        let other = run(configuration, controllers: Controllers(shadowScheduling: DispatchRuleScheduler(rule: .lpt)))
        XCTAssertNil(firstDifference(other.gantt, alone.gantt))
        XCTAssertLessThan(other.metrics["shadow.scheduling.agreement"] ?? 100, 100)
    }

    /// Deployed mid-run, the shadow scheduler takes over: the schedule is the stations' rules'
    /// before and differs after.
    func testDeployedSchedulerTakesOver() throws {
        let configuration = try factory("job-shop.yaml")
        let day = 86_400.0
        let before = run(configuration)
        let lpt = DispatchRuleScheduler(rule: .lpt)
        let deployed = run(configuration,
                           controllers: Controllers(shadowScheduling: lpt, deployment: Deployment(at: day)))
        let early = { (rows: [GanttRow]) in rows.filter { $0.end < day - 3600 } }
        XCTAssertNil(firstDifference(early(deployed.gantt), early(before.gantt)))
        XCTAssertNotNil(firstDifference(deployed.gantt, before.gantt))
    }

    /// The observation carries standard times, not draws: an operation's expected time is the
    /// routing's mean times the quantity.
    func testObservationShowsStandardTimes() throws {
        let configuration = try factory("job-shop.yaml")
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 3)),
                                    limits: RunLimits(endTime: 86_400))
        _ = simulation.run()
        let model = simulation.takeModel()
        let shop = model.shopObservation(at: 86_400)
        let waiting = shop.queues.joined()
        XCTAssertFalse(waiting.isEmpty)
        for job in waiting {
            let route = shop.layout.products[job.product].routes.lowerBound + job.operation
            XCTAssertEqual(job.expectedTime, shop.layout.operations[route].standardTime * Double(job.quantity),
                           accuracy: 1e-9)
            XCTAssertEqual(shop.remainingRoutes(of: job).count, job.operationsLeft)
        }
        XCTAssertEqual(shop.machines.count, shop.layout.machineStation.count)
    }
}
