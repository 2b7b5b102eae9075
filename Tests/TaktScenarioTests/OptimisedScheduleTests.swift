import Foundation
import TaktControl
import TaktFactory
import TaktKernel
import TaktScenario
import TaktScheduling
import XCTest

/// The optimiser's plan driving the factory model: on a static job shop with deterministic
/// times the twin reproduces the plan's makespan exactly, and the plan is the optimum on ft06
/// and ft10.
final class OptimisedScheduleTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../TaktSchedulingTests/Fixtures").standardized.path

    func runTwin(_ file: String, iterations: Int, seed: UInt64 = 1) throws -> (makespan: Double,
                                                                               metrics: [String: Double],
                                                                               gantt: [GanttRow]) {
        var configuration = try JobShopInstance.load(path: "\(Self.fixtures)/\(file)").configuration(rule: .fifo)
        configuration.recordGantt = true
        let controller = OptimisedSchedule(.init(iterations: iterations, seed: seed))
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 5),
                                                        controllers: Controllers(scheduling: controller)))
        _ = simulation.run()
        simulation.finish()
        var metrics: [String: Double] = [:]
        for (prefix, list) in simulation.model.controllerMetrics {
            for metric in list { metrics["\(prefix).\(metric.name)"] = metric.value }
        }
        return (simulation.model.report().makespan, metrics, simulation.model.gantt)
    }

    /// ft06: the twin driven by the plan finishes at 55 (the optimum, in the file's units read
    /// as minutes), exactly the plan's makespan; nothing was rejected.
    func testFt06ReachesItsOptimumInTheTwin() throws {
        let twin = try runTwin("ft06.txt", iterations: 20_000)
        XCTAssertEqual(twin.metrics["optimiser.plan_makespan"], 55)
        XCTAssertEqual(twin.makespan, 55 * 60)
        XCTAssertEqual(twin.metrics["optimiser.planned_operations"], 36)
        XCTAssertEqual(twin.metrics["scheduling.rejected"], 0)
        XCTAssertGreaterThan(twin.metrics["optimiser.best_rule_makespan"] ?? 0, 55)
    }

    /// ft10: 930, the optimum, with a million iterations (seed 1; about 2 s), reproduced exactly.
    func testFt10ReachesItsOptimumInTheTwin() throws {
        let twin = try runTwin("ft10.txt", iterations: 1_000_000)
        XCTAssertEqual(twin.metrics["optimiser.plan_makespan"], 930)
        XCTAssertEqual(twin.makespan, 930 * 60)
    }

    /// The twin's operations are the plan's: the same schedule the static optimiser reports
    /// (same seed and budget), operation by operation.
    func testTwinFollowsThePlanOperationByOperation() throws {
        let instance = try JobShopInstance.load(path: "\(Self.fixtures)/la01.txt")
        let twin = try runTwin("la01.txt", iterations: 30_000, seed: 3)
        let problem = SchedulingProblem(machineCount: instance.machines, classicJobs: instance.jobs.map { job in
            job.map { (machine: $0.machine, duration: Int($0.time)) }
        })
        let result = ScheduleOptimiser(problem).run(OptimiserOptions(budget: .iterations(30_000), seed: 3))
        XCTAssertEqual(twin.makespan, Double(result.makespan) * 60)
        let planned = Set(result.schedule.operations.map { "\($0.job)/\($0.operation)/\($0.start * 60)" })
        let simulated = Set(twin.gantt.map { "\($0.job)/\($0.operation)/\(Int($0.start))" })
        XCTAssertEqual(simulated, planned)
    }

    /// The same settings give the same plan whatever else happens: two runs are identical.
    func testPlanIsDeterministic() throws {
        let first = try runTwin("la02.txt", iterations: 10_000, seed: 9)
        let second = try runTwin("la02.txt", iterations: 10_000, seed: 9)
        XCTAssertEqual(first.gantt.map { "\($0.job)/\($0.operation)/\($0.start)" },
                       second.gantt.map { "\($0.job)/\($0.operation)/\($0.start)" })
    }
}
