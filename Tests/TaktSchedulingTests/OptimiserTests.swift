import TaktScheduling
import XCTest

/// The optimiser returns valid schedules, reaches known optima, and is reproducible.
final class OptimiserTests: XCTestCase {
    func optimise(_ problem: SchedulingProblem, iterations: Int, seed: UInt64 = 1,
                  threads: Int = 1) -> OptimiserResult {
        ScheduleOptimiser(problem).run(OptimiserOptions(budget: .iterations(iterations), seed: seed, threads: threads))
    }

    func testEveryScheduleIsValidOnRandomClassicInstances() {
        for seed in 0..<25 {
            let problem = Fixture.classic(jobs: 3 + seed % 6, machines: 2 + seed % 5, seed: UInt64(seed))
            let result = optimise(problem, iterations: 3_000, seed: UInt64(seed))
            XCTAssertEqual(ScheduleCheck.violations(of: result.schedule, for: problem,
                                                    claimedMakespan: result.makespan), [], "seed \(seed)")
            XCTAssertGreaterThanOrEqual(result.makespan, result.lowerBound.value)
            XCTAssertLessThanOrEqual(result.makespan, result.startMakespan)
        }
    }

    func testEveryScheduleIsValidOnRandomFlexibleInstances() {
        for seed in 0..<25 {
            let problem = Fixture.flexible(jobs: 3 + seed % 7, machines: 2 + seed % 4, seed: UInt64(seed))
            let result = optimise(problem, iterations: 3_000, seed: UInt64(seed))
            XCTAssertEqual(ScheduleCheck.violations(of: result.schedule, for: problem,
                                                    claimedMakespan: result.makespan), [], "seed \(seed)")
            XCTAssertGreaterThanOrEqual(result.makespan, result.lowerBound.value)
            XCTAssertLessThanOrEqual(result.makespan, result.startMakespan)
        }
    }

    func testFlexibleSearchImprovesOnTheRules() throws {
        let problem = try Fixture.load("mk-small.fjs")
        let result = optimise(problem, iterations: 20_000)
        XCTAssertEqual(ScheduleCheck.violations(of: result.schedule, for: problem, claimedMakespan: result.makespan),
                       [])
        XCTAssertLessThanOrEqual(result.makespan, result.startMakespan)
    }

    func testFt06ReachesItsOptimum() throws {
        let result = optimise(try Fixture.load("ft06.txt"), iterations: 100_000)
        XCTAssertEqual(result.makespan, 55)
    }

    func testLawrenceInstancesReachTheirOptima() throws {
        for name in ["la01", "la02", "la03", "la04", "la05"] {
            let result = optimise(try Fixture.load("\(name).txt"), iterations: 200_000)
            XCTAssertEqual(result.makespan, Fixture.optima[name], name)
        }
    }

    func testIterationBudgetGivesTheSameScheduleOnAnyThreadCount() throws {
        let problem = try Fixture.load("ft10.txt")
        let one = optimise(problem, iterations: 40_000, seed: 9, threads: 1)
        let two = optimise(problem, iterations: 40_000, seed: 9, threads: 2)
        XCTAssertEqual(one.schedule, two.schedule)
        XCTAssertEqual(one.iterations, two.iterations)
        XCTAssertEqual(one.winningWalker, two.winningWalker)
        let other = optimise(problem, iterations: 40_000, seed: 10, threads: 2)
        XCTAssertEqual(ScheduleCheck.violations(of: other.schedule, for: problem, claimedMakespan: other.makespan), [])
    }

    func testSearchStopsAtTheLowerBound() throws {
        let result = optimise(try Fixture.load("la01.txt"), iterations: 10_000_000)
        XCTAssertEqual(result.makespan, result.lowerBound.value)
        XCTAssertLessThan(result.iterations, 10_000_000)
    }

    func testStopRequestEndsATimedRun() throws {
        let problem = try Fixture.load("ft10.txt")
        let result = ScheduleOptimiser(problem).run(OptimiserOptions(budget: .seconds(60)), shouldStop: { true })
        XCTAssertTrue(result.interrupted)
        XCTAssertLessThan(result.seconds, 5)
        XCTAssertEqual(ScheduleCheck.violations(of: result.schedule, for: problem, claimedMakespan: result.makespan),
                       [])
    }
}
