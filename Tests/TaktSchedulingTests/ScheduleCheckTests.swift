import TaktScheduling
import XCTest

/// The validator catches every kind of broken schedule, and accepts a valid one.
final class ScheduleCheckTests: XCTestCase {
    /// Job 0: machine 0 (3) then machine 1 (2); job 1: machine 1 (4) then machine 0 (1).
    let problem = SchedulingProblem(machineCount: 2, classicJobs: [[(0, 3), (1, 2)], [(1, 4), (0, 1)]])

    func valid() -> Schedule {
        Schedule(operations: [
            .init(job: 0, operation: 0, machine: 0, start: 0, end: 3),
            .init(job: 0, operation: 1, machine: 1, start: 4, end: 6),
            .init(job: 1, operation: 0, machine: 1, start: 0, end: 4),
            .init(job: 1, operation: 1, machine: 0, start: 4, end: 5),
        ])
    }

    func kinds(_ schedule: Schedule, makespan: Int? = nil) -> [ScheduleViolation.Kind] {
        ScheduleCheck.violations(of: schedule, for: problem, claimedMakespan: makespan).map(\.kind)
    }

    func testValidScheduleHasNoViolation() {
        XCTAssertEqual(kinds(valid(), makespan: 6), [])
    }

    func testOverlapOnAMachineIsCaught() {
        var schedule = valid()
        schedule.operations[3] = .init(job: 1, operation: 1, machine: 0, start: 2, end: 3)
        schedule.operations[2] = .init(job: 1, operation: 0, machine: 1, start: 0, end: 4)
        // job 1 op 1 now runs 2–3 on machine 0 while job 0 op 0 runs 0–3 there (and before its own predecessor ends)
        let found = ScheduleCheck.violations(of: schedule, for: problem)
        XCTAssertTrue(found.contains { $0.kind == .overlap && $0.job == 1 && $0.operation == 1 }, "\(found)")
    }

    func testPureOverlapWithoutOtherFault() {
        let schedule = Schedule(operations: [
            .init(job: 0, operation: 0, machine: 0, start: 0, end: 3),
            .init(job: 0, operation: 1, machine: 1, start: 5, end: 7),
            .init(job: 1, operation: 0, machine: 1, start: 1, end: 5),
            .init(job: 1, operation: 1, machine: 0, start: 5, end: 6),
        ])
        XCTAssertEqual(kinds(schedule), [])
        var broken = schedule
        broken.operations[1] = .init(job: 0, operation: 1, machine: 1, start: 4, end: 6)
        XCTAssertEqual(kinds(broken), [.overlap])
    }

    func testPrecedenceIsCaught() {
        var schedule = valid()
        schedule.operations[1] = .init(job: 0, operation: 1, machine: 1, start: 2, end: 4)
        let found = ScheduleCheck.violations(of: schedule, for: problem)
        XCTAssertTrue(found.contains { $0.kind == .precedence && $0.job == 0 && $0.operation == 1 }, "\(found)")
    }

    func testWrongDurationIsCaught() {
        var schedule = valid()
        schedule.operations[0] = .init(job: 0, operation: 0, machine: 0, start: 0, end: 2)
        XCTAssertEqual(kinds(schedule), [.wrongDuration])
        XCTAssertTrue(ScheduleCheck.violations(of: schedule,
                                               for: problem)[0].description.hasPrefix("job 0 operation 0: runs 2"))
    }

    func testIneligibleMachineMissingRepeatedAndMakespanAreCaught() {
        var schedule = valid()
        schedule.operations[0].machine = 1
        XCTAssertTrue(kinds(schedule).contains(.ineligibleMachine))
        var missing = valid()
        missing.operations.removeLast()
        XCTAssertEqual(kinds(missing), [.missingOperation])
        var repeated = valid()
        repeated.operations.append(repeated.operations[0])
        XCTAssertTrue(kinds(repeated).contains(.unknownOrRepeatedOperation))
        XCTAssertEqual(kinds(valid(), makespan: 5), [.makespanMismatch])
        var early = valid()
        early.operations[2] = .init(job: 1, operation: 0, machine: 1, start: -1, end: 3)
        XCTAssertTrue(kinds(early).contains(.negativeStart))
    }

    func testTouchingOperationsDoNotOverlap() {
        let problem = SchedulingProblem(machineCount: 1, classicJobs: [[(0, 2)], [(0, 0)], [(0, 3)]])
        let schedule = Schedule(operations: [
            .init(job: 0, operation: 0, machine: 0, start: 0, end: 2),
            .init(job: 1, operation: 0, machine: 0, start: 2, end: 2),
            .init(job: 2, operation: 0, machine: 0, start: 2, end: 5),
        ])
        XCTAssertEqual(ScheduleCheck.violations(of: schedule, for: problem, claimedMakespan: 5), [])
    }
}
