import Foundation
import TaktExperiments
import TaktRecording
import TaktSweep
import XCTest

/// Running sweeps: determinism across jobs, tasks and chunks; resumability; failures.
final class SweepExecutionTests: XCTestCase {
    func runner(_ sweep: Sweep, _ layout: SweepLayout, jobs: Int, stop: StopSignal? = nil) -> SweepRunner {
        SweepRunner(sweep: sweep, layout: layout, jobs: jobs, stop: stop, taktVersion: "test", gitCommit: "test")
    }

    /// The merged tables of the small sweep run with `jobs` threads, as array tasks of `chunk`
    /// runs in reverse task order when `chunk` is given, else all at once.
    func mergedTables(jobs: Int, chunk: Int?) throws -> SweepTables {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let sweep = try SweepTestSupport.smallSweep(in: folder, replications: 3)
        let layout = SweepLayout(folder: folder + "/out")
        if let chunk {
            let tasks = ArrayTasks(runCount: sweep.runCount, chunk: chunk)
            for task in (0..<tasks.taskCount).reversed() {
                let outcome = try runner(sweep, layout, jobs: jobs).run(Array(tasks.runs(ofTask: task)))
                XCTAssertEqual(outcome.completed, Array(tasks.runs(ofTask: task)))
            }
        } else {
            let outcome = try runner(sweep, layout, jobs: jobs).run(Array(0..<sweep.runCount))
            XCTAssertEqual(outcome.completed.count, sweep.runCount)
            XCTAssertTrue(outcome.failed.isEmpty)
        }
        return try SweepMerge(sweep: sweep, layout: layout).tables()
    }

    func testMergedTablesAreBitIdenticalAcrossJobsTasksAndChunks() throws {
        let reference = try mergedTables(jobs: 1, chunk: nil)
        XCTAssertEqual(reference.runs.rowCount, 12)
        XCTAssertEqual(reference.points.rowCount, 4 * 3)
        guard case .double(let throughput)? = reference.runs["throughput"]
        else { return XCTFail("no throughput column") }
        XCTAssertTrue(throughput.allSatisfy { $0.isFinite && $0 > 0 })
        XCTAssertGreaterThan(Set(throughput).count, 6, "runs differ from one another")
        for (jobs, chunk) in [(2, nil), (2, 1), (1, 5), (2, 7)] as [(Int, Int?)] {
            let other = try mergedTables(jobs: jobs, chunk: chunk)
            XCTAssertTrue(reference.runs.isBitIdentical(to: other.runs),
                          "runs table, jobs \(jobs), chunk \(String(describing: chunk))")
            XCTAssertTrue(reference.points.isBitIdentical(to: other.points),
                          "points table, jobs \(jobs), chunk \(String(describing: chunk))")
        }
    }

    func testInterruptedRunLeavesOnlyATemporaryFileAndRerunDoesExactlyTheMissingOnes() throws {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let path = try SweepTestSupport.write("""
            name: long runs
            scenario: \(SweepTestSupport.scenario("two-shifts.yaml"))
            replications: 3
            parameters:
              repair_crews.technicians.size: [2]
            fixed: {run.duration: 300 w}
            """, in: folder)
        let sweep = try SweepLoader.load(path: path)
        let layout = SweepLayout(folder: folder + "/out")
        let stop = StopSignal()
        let interrupted = try runner(sweep, layout, jobs: 1, stop: stop).run([0, 1, 2]) { progress in
            if progress.done == 0 && progress.fraction > 0 { stop.request() }
        }
        XCTAssertEqual(interrupted.interrupted, [0])
        XCTAssertEqual(interrupted.notStarted, [1, 2])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: layout.runsFolder), ["run-000000.h5.tmp"])
        XCTAssertEqual(layout.scan(runCount: 3), [.inProgress, .missing, .missing])

        let resumed = try runner(sweep, layout, jobs: 2).run([0, 1, 2])
        XCTAssertEqual(resumed.completed, [0, 1, 2])
        XCTAssertEqual(resumed.skipped, [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: layout.runsFolder).sorted(),
                       ["run-000000.h5", "run-000001.h5", "run-000002.h5"])

        // A run killed outright leaves a .partial; a complete one is never redone.
        try FileManager.default.removeItem(atPath: layout.runFile(1))
        try Data("killed".utf8).write(to: URL(fileURLWithPath: layout.temporaryFile(1) + ".partial"))
        let before = try FileManager.default.attributesOfItem(atPath: layout.runFile(2))[.modificationDate] as? Date
        let again = try runner(sweep, layout, jobs: 2).run([0, 1, 2])
        XCTAssertEqual(again.completed, [1])
        XCTAssertEqual(again.skipped, [0, 2])
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: layout.runFile(2))[.modificationDate] as? Date,
                       before)
        XCTAssertEqual(layout.scan(runCount: 3), [.complete, .complete, .complete])
    }

    func testFailedRunsAreRecordedAndDoNotStopTheOthers() throws {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let path = try SweepTestSupport.write("""
            name: one bad point
            scenario: \(SweepTestSupport.scenario("two-shifts.yaml"))
            replications: 2
            parameters:
              stations.lathe.machines: [2, 0, 3]
            fixed: {run.duration: 2 w, run.warm_up: 1 d}
            """, in: folder)
        let sweep = try SweepLoader.load(path: path)
        let layout = SweepLayout(folder: folder + "/out")
        let outcome = try runner(sweep, layout, jobs: 2).run(Array(0..<6))
        XCTAssertEqual(outcome.completed, [0, 1, 4, 5])
        XCTAssertEqual(outcome.failed, [2, 3])
        guard case .failed(let record) = layout.scan(runCount: 6)[3] else { return XCTFail("run 3 should have failed") }
        XCTAssertEqual(record.exitCode, 2)
        XCTAssertEqual(record.point, 1)
        XCTAssertEqual(record.replication, 1)
        XCTAssertTrue(record.error.contains("\(path):5:32: error: stations.lathe.machines must be between 1"),
                      record.error)

        let tables = try SweepMerge(sweep: sweep, layout: layout).tables()
        XCTAssertEqual(tables.failed, [2, 3])
        XCTAssertEqual(tables.runs["status"],
                       .string(["complete", "complete", "failed", "failed", "complete", "complete"]))
        XCTAssertEqual(tables.failures["exit_code"], .int32([2, 2]))
        guard case .int32(let n)? = tables.points["n"] else { return XCTFail("no n column") }
        XCTAssertEqual(Set(n.enumerated().filter { $0.offset / tables.kpis.count == 1 }.map(\.element)), [0])

        let merged = folder + "/merged.h5"
        try SweepMerge(sweep: sweep, layout: layout).write(tables, to: merged, taktVersion: "test", gitCommit: "test")
        XCTAssertTrue(FileManager.default.fileExists(atPath: merged))
        XCTAssertFalse(FileManager.default.fileExists(atPath: merged + ".partial"))
    }

    func testAnOutputFolderOfAnotherSweepIsRefused() throws {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let layout = SweepLayout(folder: folder + "/out")
        try layout.prepare(for: try SweepTestSupport.smallSweep(in: folder, replications: 2))
        let other = try SweepTestSupport.smallSweep(in: folder, replications: 3)
        XCTAssertThrowsError(try layout.prepare(for: other)) { error in
            XCTAssertTrue("\(error)".contains("holds runs of a different sweep"), "\(error)")
        }
    }

    func testUnknownKPIIsReportedAtItsLineWhenMerging() throws {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let sweep = try SweepTestSupport.smallSweep(in: folder, replications: 1)
        let layout = SweepLayout(folder: folder + "/out")
        _ = try runner(sweep, layout, jobs: 2).run([0])
        let path = try SweepTestSupport.write(try String(contentsOfFile: sweep.file, encoding: .utf8)
            .replacingOccurrences(of: "down.lathe]", with: "down.lath]"), in: folder)
        XCTAssertThrowsError(try SweepMerge(sweep: try SweepLoader.load(path: path), layout: layout)
                             .tables()) { error in
            XCTAssertTrue("\(error)".contains("sweep.yaml:11:36: error: no run reports a KPI 'down.lath'; did you "
                                                  + "mean 'down.lathe'?"),
                          "\(error)")
        }
    }
}
