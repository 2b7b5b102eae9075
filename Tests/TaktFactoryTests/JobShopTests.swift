import Foundation
import TaktFactory
import TaktKernel
import TaktScenario
import XCTest

/// Classic job-shop instances (OR-Library; optima from the literature, Fixtures/jobshop/README.md)
/// under every dispatching rule: the schedule must be valid and never beat the proven optimum.
final class JobShopTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/jobshop")
    static let optima: [String: Double] = ["ft06": 55, "ft10": 930, "la01": 666, "ft20": 1165, "la02": 655]
    static let rules: [DispatchRule] = [.fifo, .spt, .lpt, .mwkr, .mopnr, .lor, .srpt, .edd, .criticalRatio, .atc(k: 2),
                                        .priority]

    func schedule(_ instance: JobShopInstance, rule: DispatchRule) -> (rows: [GanttRow], makespan: Double) {
        var simulation = Simulation(model: FactoryModel(instance.configuration(rule: rule),
                                                        streams: RandomStreams(seed: 1)))
        XCTAssertEqual(simulation.run(), .modelRequested, "the run ends when every job is done")
        simulation.finish()
        // the instance's time units are read as minutes: back to file units for the checks
        let rows = simulation.model.gantt.map { row -> GanttRow in
            var row = row
            row.start /= 60
            row.end /= 60
            return row
        }
        return (rows, simulation.model.report().makespan / 60)
    }

    func testSchedulesAreValidAndNeverBelowOptimum() throws {
        for name in ["ft06", "ft10", "la01", "ft20", "la02"] {
            let instance = try JobShopInstance.load(path: Self.fixtures.appendingPathComponent("\(name).txt").path)
            for rule in Self.rules {
                let (rows, makespan) = schedule(instance, rule: rule)
                let label = "\(name) \(rule.name)"
                let operations = instance.jobs.reduce(0) { $0 + $1.count }
                XCTAssertEqual(rows.count, operations, "\(label): every operation once")
                XCTAssertGreaterThanOrEqual(makespan, Self.optima[name]!, "\(label): below the proven optimum")
                XCTAssertEqual(makespan, rows.map(\.end).max(), "\(label): makespan is the last end")
                for row in rows {
                    let job = Int(row.product), operation = Int(row.operation)
                    XCTAssertEqual(Int(row.station), instance.jobs[job][operation].machine, "\(label): right machine")
                    XCTAssertEqual(row.end - row.start, instance.jobs[job][operation].time,
                                   "\(label): duration as in the file")
                }
                let byJob = Dictionary(grouping: rows, by: \.product)
                for (_, jobRows) in byJob {
                    let ordered = jobRows.sorted { $0.operation < $1.operation }
                    for (a, b) in zip(ordered, ordered.dropFirst()) {
                        XCTAssertGreaterThanOrEqual(b.start, a.end, "\(label): precedence")
                    }
                }
                let byMachine = Dictionary(grouping: rows, by: \.station)
                for (_, machineRows) in byMachine {
                    let ordered = machineRows.sorted { $0.start < $1.start }
                    for (a, b) in zip(ordered, ordered.dropFirst()) {
                        XCTAssertGreaterThanOrEqual(b.start, a.end, "\(label): no overlap on a machine")
                    }
                }
            }
        }
    }

    /// Non-delay: whenever a machine is idle while an operation waits for it, one starts at once.
    /// Checked on ft10: at every operation start, no other operation of that machine could have
    /// started earlier on the idle machine (its job's previous operation ended earlier).
    func testSchedulesAreNonDelay() throws {
        let instance = try JobShopInstance.load(path: Self.fixtures.appendingPathComponent("ft10.txt").path)
        for rule in Self.rules {
            let (rows, _) = schedule(instance, rule: rule)
            let ready = Dictionary(uniqueKeysWithValues: rows.map { row in
                ("\(row.product).\(row.operation)",
                 row.operation == 0 ? 0.0 : rows.first { $0.product == row.product
                     && $0.operation == row.operation - 1 }!.end)
            })
            let byMachine = Dictionary(grouping: rows, by: \.station)
            for (_, machineRows) in byMachine {
                let ordered = machineRows.sorted { $0.start < $1.start }
                var free = 0.0
                for row in ordered {
                    let readyAt = ready["\(row.product).\(row.operation)"]!
                    XCTAssertEqual(row.start, max(free, readyAt),
                                   "\(rule.name): operation started late on an idle machine")
                    free = row.end
                }
            }
        }
    }

    /// The instance file is read as written (ft06's first job: machines 2 0 1 3 5 4).
    func testParsing() throws {
        let instance = try JobShopInstance.load(path: Self.fixtures.appendingPathComponent("ft06.txt").path)
        XCTAssertEqual(instance.machines, 6)
        XCTAssertEqual(instance.jobs.count, 6)
        XCTAssertEqual(instance.jobs[0].map(\.machine), [2, 0, 1, 3, 5, 4])
        XCTAssertEqual(instance.jobs[0].map(\.time), [1, 3, 6, 7, 3, 6])
        XCTAssertThrowsError(try JobShopInstance(text: "2 2\n0 1 1 x\n", file: "bad.txt")) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("bad.txt:2:7: error: processing time"), text)
            XCTAssertTrue(text.contains("bad.txt:2:1: error: expected 2 job lines")
                          || text.contains("expected 2 job lines"), text)
        }
    }

    /// FIFO ties go to the job created first, not to whichever event ran first: both jobs reach
    /// machine 2 at t = 2 (job 1 through a longer first operation); job 0 goes first, so the
    /// makespan is 10 (the other order gives 9).
    func testFIFOTieGoesToTheJobCreatedFirst() throws {
        let instance = try JobShopInstance(text: "2 4\n0 1 1 1 2 1 3 1\n3 2 2 5 0 1 1 1\n", file: "tie.txt")
        let (rows, makespan) = schedule(instance, rule: .fifo)
        XCTAssertEqual(makespan, 10)
        let onMachine2 = rows.filter { $0.station == 2 }.sorted { $0.start < $1.start }
        XCTAssertEqual(onMachine2.map(\.product), [0, 1], "job 0 first on machine 2")
        XCTAssertEqual(onMachine2.map(\.start), [2, 3])
    }

    /// Extreme headers and times are located errors, never an overflow trap.
    func testExtremeInstancesAreRefusedWithTheirPlace() {
        let cases = [
            ("1 9223372036854775807\n0 1\n", "1:3: error: a job-shop instance may have at most"),
            ("1 1\n0 1e308\n", "2:3: error: processing time must be a number of minutes from 0 to"),
            ("1 1\n0 nan\n", "2:3: error: processing time must be a number of minutes from 0 to"),
            ("1\r1\r0 5\r", "1:1: error: expected the header 'jobs machines'"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try JobShopInstance(text: text, file: "x.txt")) { error in
                XCTAssertTrue("\(error)".contains("x.txt:" + expected), "\(error)")
            }
        }
        XCTAssertNoThrow(try JobShopInstance(text: "1 1\r0 5\r", file: "cr.txt"), "CR-only line ends read as lines")
    }
}
