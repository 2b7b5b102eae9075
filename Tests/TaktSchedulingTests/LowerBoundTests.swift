import TaktScheduling
import XCTest

/// The lower bound is valid (never above an optimum) and as strong as its parts.
final class LowerBoundTests: XCTestCase {
    func testBoundNeverExceedsAPublishedOptimum() throws {
        for (name, optimum) in Fixture.optima {
            let bound = LowerBound(try Fixture.load("\(name).txt"))
            XCTAssertLessThanOrEqual(bound.value, optimum, name)
            XCTAssertGreaterThan(bound.value, 0, name)
        }
    }

    func testBoundIsAtLeastEveryJobAndMachineLoad() throws {
        let problem = try Fixture.load("ft10.txt")
        let bound = LowerBound(problem).value
        for job in problem.jobs { XCTAssertGreaterThanOrEqual(bound, job.reduce(0) { $0 + $1.shortestDuration }) }
        var load = Array(repeating: 0, count: problem.machineCount)
        for job in problem.jobs {
            for operation in job { load[operation.alternatives[0].machine] += operation.shortestDuration }
        }
        XCTAssertGreaterThanOrEqual(bound, load.max()!)
    }

    func testOneMachineBoundSeesHeadsAndTails() {
        // Two identical jobs m0 (10), m1 (1), m2 (10): job length 21, machine loads 20, but on m0 the
        // second job cannot end before 20 and still has a tail of 11: Jackson gives 31, the optimum.
        let problem = SchedulingProblem(machineCount: 3, classicJobs: [[(0, 10), (1, 1), (2, 10)], [(0, 10), (1, 1),
                                                                                                    (2, 10)]])
        let bound = LowerBound(problem)
        XCTAssertEqual(bound.value, 31)
        XCTAssertEqual(bound.source, .oneMachine)
    }

    func testFlexibleBoundUsesShortestTimes() throws {
        let problem = try Fixture.load("mk-small.fjs")
        let bound = LowerBound(problem).value
        for job in problem.jobs { XCTAssertGreaterThanOrEqual(bound, job.reduce(0) { $0 + $1.shortestDuration }) }
    }

    func testBoundNeverExceedsTheMakespanOfAnyRuleOnRandomInstances() {
        for seed in 0..<30 {
            let classic = Fixture.classic(jobs: 6, machines: 4, seed: UInt64(seed))
            let flexible = Fixture.flexible(jobs: 6, machines: 3, seed: UInt64(seed))
            for problem in [classic, flexible] {
                let bound = LowerBound(problem).value
                for rule in DispatchingRule.allCases {
                    let schedule = NonDelaySchedule.build(problem, rule: rule)
                    XCTAssertEqual(ScheduleCheck.violations(of: schedule, for: problem), [], "\(rule) seed \(seed)")
                    XCTAssertLessThanOrEqual(bound, schedule.makespan, "\(rule) seed \(seed)")
                }
            }
        }
    }
}
