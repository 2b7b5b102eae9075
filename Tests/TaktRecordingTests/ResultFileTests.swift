import CHDF5
import Foundation
import TaktFactory
import TaktRecording
import XCTest

/// The writer's promises about the file as a whole: `.partial` until closed, renamed when complete
/// or interrupted, kept when failed, never replacing an existing file, every table present, and
/// HDF5's own words in its errors.
final class ResultFileTests: XCTestCase {
    func lookups() -> ResultLookups {
        ResultLookups(stations: [("saw", 2)], machines: [("saw/0", 0), ("saw/1", 0)], products: ["p"], materials: [],
                      timeseriesColumns: ["time", "wip"], timeseriesUnits: ["s", "jobs"])
    }

    func newFile(_ name: String) throws -> ResultFile {
        let path = temporaryPath(name)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        return try ResultFile(path: path, metadata: WrittenResultFile.metadata, lookups: lookups())
    }

    func testPartialUntilClosedThenRenamed() throws {
        let file = try newFile("round.h5")
        XCTAssertEqual(file.partialPath, file.finalPath + ".partial")
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.partialPath))
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.finalPath))
        for slice in 0..<5 {   // 5 × 20,000 rows: three whole chunks and a remainder
            let events = (0..<20_000)
                .map { EventRow(time: Double(slice * 20_000 + $0), kind: .processEnd, job: Int64($0), machine: 1) }
            try file.appendEvents(events, variant: "base", replication: 0)
        }
        try file.flush()
        try file.finishRun(variant: "base", replication: 1, kpis: [], seed: 1, eventsProcessed: 0, simulatedSeconds: 0,
                           wallSeconds: 0, status: .complete)
        try file.close(status: .complete, wallSeconds: 1, simulatedTimeReached: 10)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.finalPath))
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.partialPath))
        let reader = try HDF5TestReader(file.finalPath)
        XCTAssertEqual(try reader.rows("/runs/base/0/events"), 100_000)
        XCTAssertEqual(try reader.doubles("/runs/base/0/events", "time"), (0..<100_000).map(Double.init))
        for table in ["events", "operations", "jobs", "states", "timeseries", "sensors", "truth", "kpis"] {
            XCTAssertEqual(try reader.rows("/runs/base/1/\(table)"), 0, "\(table) exists even when nothing was logged")
        }
        XCTAssertEqual(try reader.shape("/runs/base/1/timeseries"), [0, 2])
    }

    /// Chunks are encoded and written on background threads: a flush stores the partial last
    /// chunk, later rows rewrite it whole, and every row comes back in order, compressed or not.
    func testFlushedPartialChunksAreRewrittenWhole() throws {
        for compress in [true, false] {
            let path = temporaryPath("flushes-\(compress).h5")
            let folder = (path as NSString).deletingLastPathComponent
            addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
            let file = try ResultFile(path: path, metadata: WrittenResultFile.metadata, lookups: lookups(),
                                      compress: compress)
            var next = 0
            for count in [10, 7_000, 1, 30_000, 40_000, 3, 100_000, 5] {   // chunks of 32,768 rows
                let events = (next..<next + count)
                    .map { EventRow(time: Double($0) / 4, kind: .processEnd, job: Int64($0 * 3), machine: 1) }
                try file.appendEvents(events, variant: "base", replication: 0)
                try file.appendSamples((next..<next + count).flatMap { [Double($0), Double(-$0)] }, variant: "base",
                                       replication: 0)
                next += count
                try file.flush()
            }
            try file.close(status: .complete, wallSeconds: 1, simulatedTimeReached: 10)
            let reader = try HDF5TestReader(path)
            XCTAssertEqual(try reader.rows("/runs/base/0/events"), next)
            XCTAssertEqual(try reader.doubles("/runs/base/0/events", "time"), (0..<next).map { Double($0) / 4 })
            XCTAssertEqual(try reader.int64s("/runs/base/0/events", "job"), (0..<next).map { Int64($0 * 3) })
            XCTAssertEqual(try reader.matrix("/runs/base/0/timeseries"),
                           (0..<next).flatMap { [Double($0), Double(-$0)] })
        }
    }

    func testInterruptedIsRenamedAndMarked() throws {
        let file = try newFile("interrupted.h5")
        try file.appendSamples([0, 1, 600, 2], variant: "base", replication: 0)
        XCTAssertThrowsError(try file.appendSamples([1200], variant: "base", replication: 0), "half a row is refused")
        try file.close(status: .interrupted, wallSeconds: 1, simulatedTimeReached: 600)
        let reader = try HDF5TestReader(file.finalPath)
        XCTAssertEqual(try reader.stringAttribute("/", "completion_status"), "interrupted")
        XCTAssertEqual(try reader.attribute("/", "simulated_time_reached", type: takt_h5t_native_double(), zero: 0.0),
                       600)
        XCTAssertEqual(try reader.matrix("/runs/base/0/timeseries"), [0, 1, 600, 2])
    }

    func testInterruptedBeforeAnyReplicationIsAValidEmptyFile() throws {
        let file = try newFile("empty.h5")
        try file.close(status: .interrupted, wallSeconds: 0, simulatedTimeReached: 0)
        let reader = try HDF5TestReader(file.finalPath)
        XCTAssertEqual(try reader.stringAttribute("/", "completion_status"), "interrupted")
        XCTAssertEqual(try reader.linkCount("/runs"), 0, "an empty /runs group, not a missing one")
    }

    func testExistingFileIsRefused() throws {
        let path = temporaryPath("exists.h5")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("keep me".utf8)))
        XCTAssertThrowsError(try ResultFile(path: path, metadata: WrittenResultFile.metadata,
                                            lookups: lookups())) { error in
            XCTAssertTrue("\(error)".contains("exists"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "keep me")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".partial"))
    }

    func testFailedCloseKeepsTheReadablePartial() throws {
        let file = try newFile("failed.h5")
        try file.appendEvents([EventRow(time: 1, kind: .failure)], variant: "base", replication: 0)
        try file.close(status: .failed, wallSeconds: 0, simulatedTimeReached: 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.finalPath))
        let reader = try HDF5TestReader(file.partialPath)
        XCTAssertEqual(try reader.rows("/runs/base/0/events"), 1, "a failed file is still readable")
        XCTAssertEqual(try reader.stringAttribute("/", "completion_status"), "failed")
    }

    func testUseAfterCloseThrows() throws {
        let file = try newFile("closed.h5")
        try file.close(status: .complete, wallSeconds: 0, simulatedTimeReached: 0)
        XCTAssertThrowsError(try file.appendEvents([EventRow(time: 1, kind: .failure)], variant: "base",
                                                   replication: 0))
        XCTAssertThrowsError(try file.flush())
        XCTAssertNoThrow(try file.close(status: .complete, wallSeconds: 0, simulatedTimeReached: 0),
                         "closing twice is harmless")
    }

    func testHDF5ErrorsCarryHDF5sStack() throws {
        let path = temporaryPath("no-such-directory/x.h5")
        let directory = ((path as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        XCTAssertThrowsError(try ResultFile(path: path, metadata: WrittenResultFile.metadata,
                                            lookups: lookups())) { error in
            guard let error = error as? HDF5Error else { return XCTFail("\(error) is not an HDF5Error") }
            XCTAssertGreaterThan(error.stack.count, 1, error.fullDescription)
            XCTAssertTrue(error.stack.first?.contains("H5Fcreate") ?? false, error.fullDescription)
            XCTAssertTrue(error.message.contains("No such file or directory"), error.message)
            XCTAssertTrue(error.description.hasPrefix("HDF5: cannot create \(path)"), error.description)
        }
    }
}
