import CHDF5
import Foundation
import TaktFactory
import TaktRecording
import XCTest

/// The result file writer: streamed tables across chunk boundaries, the rename on close, refusal
/// to overwrite, and a failed close leaving the `.partial`.
final class ResultFileTests: XCTestCase {
    func metadata() -> ResultMetadata {
        ResultMetadata(taktVersion: "test", gitCommit: "abc", scenarioName: "unit", scenarioFile: "unit.yaml", seed: 7,
                       replications: 2, variant: "base", created: Date(), host: "here", sourceYAML: "name: unit\n",
                       resolvedJSON: "{}")
    }

    func lookups() -> ResultLookups {
        ResultLookups(stations: [("saw", 2)], machines: [("saw/0", 0), ("saw/1", 0)], products: ["p"], materials: [],
                      timeseriesColumns: ["time", "wip"], timeseriesUnits: ["s", "jobs"])
    }

    func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("takt-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    /// Number of rows of a dataset, read back through the C API.
    func rows(_ path: String, _ dataset: String) throws -> Int {
        let file = H5Fopen(path, takt_h5f_acc_rdonly(), takt_h5p_default())
        XCTAssertGreaterThanOrEqual(file, 0)
        defer { H5Fclose(file) }
        let data = H5Dopen2(file, dataset, takt_h5p_default())
        XCTAssertGreaterThanOrEqual(data, 0, dataset)
        defer { H5Dclose(data) }
        let space = H5Dget_space(data)
        defer { H5Sclose(space) }
        var dims = [hsize_t](repeating: 0, count: 2)
        H5Sget_simple_extent_dims(space, &dims, nil)
        return Int(dims[0])
    }

    func testRoundTripAcrossChunks() throws {
        let path = temporaryPath("round.h5")
        let file = try ResultFile(path: path, metadata: metadata(), lookups: lookups())
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".partial"))
        for replication in 0..<2 {
            for slice in 0..<5 {   // 5 × 20,000 = 100,000 events: three whole chunks and a remainder
                let events = (0..<20_000).map { EventRow(time: Double(slice * 20_000 + $0), kind: .processEnd, job: Int64($0), machine: 1) }
                try file.appendEvents(events, variant: "base", replication: replication)
            }
            try file.appendStates([StateRow(machine: 0, station: 0, state: 2, start: 0, end: 5)], variant: "base", replication: replication)
            try file.appendSamples([0, 1, 3600, 2], variant: "base", replication: replication)
            try file.finishRun(variant: "base", replication: replication, kpis: [ResultKPI(name: "x", label: "X", unit: "", value: 1)],
                               seed: 1, eventsProcessed: 100_000, simulatedSeconds: 10, wallSeconds: 0.1, status: .complete)
        }
        try file.writeSummary(kpis: [SummaryKPIRow(variant: "base", replication: 0, kpi: "x", unit: "", value: 1)],
                              intervals: [SummaryIntervalRow(variant: "base", kpi: "x", unit: "", mean: 1, halfWidth: .nan,
                                                             lower: .nan, upper: .nan, level: 0.95, n: 1)])
        try file.close(status: .complete, wallSeconds: 1, simulatedTimeReached: 10)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".partial"))
        XCTAssertEqual(try rows(path, "/runs/base/0/events"), 100_000)
        XCTAssertEqual(try rows(path, "/runs/base/1/events"), 100_000)
        XCTAssertEqual(try rows(path, "/runs/base/1/operations"), 0, "tables exist even when empty")
        XCTAssertEqual(try rows(path, "/runs/base/0/timeseries"), 2)
        XCTAssertEqual(try rows(path, "/lookup/machines"), 2)
        XCTAssertEqual(try rows(path, "/summary/intervals"), 1)
    }

    func testExistingFileIsRefused() throws {
        let path = temporaryPath("exists.h5")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("keep me".utf8)))
        XCTAssertThrowsError(try ResultFile(path: path, metadata: metadata(), lookups: lookups()))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "keep me")
    }

    func testFailedCloseKeepsPartial() throws {
        let path = temporaryPath("failed.h5")
        let file = try ResultFile(path: path, metadata: metadata(), lookups: lookups())
        try file.appendEvents([EventRow(time: 1, kind: .failure)], variant: "base", replication: 0)
        try file.close(status: .failed, wallSeconds: 0, simulatedTimeReached: 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".partial"))
        XCTAssertEqual(try rows(path + ".partial", "/runs/base/0/events"), 1, "a failed file is still readable")
    }
}
