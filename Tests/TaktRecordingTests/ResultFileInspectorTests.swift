import Foundation
import TaktRecording
import XCTest

/// `takt inspect`'s summary, and its one clear message for files it cannot read.
final class ResultFileInspectorTests: XCTestCase {
    func testSummaryListsProvenanceRunsAndIntervals() throws {
        let written = try WrittenResultFile.write()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: (written.path as NSString)
                                                               .deletingLastPathComponent) }
        let summary = try ResultFileInspector.summary(path: written.path)
        for expected in ["completion_status: complete", "format_version: 1.2", "scenario_name: Recording test line",
                         "seed: 7",
                         "replications: 2", "git_commit: 0123abc", "sensors 1500", "kpis 2; complete",
                         "base/0: events \(written.records[0].events.count), operations "
                             + "\(written.records[0].operations.count)",
                         "base/1: events \(written.records[1].events.count)",
                         "KPIs (mean ± half-width, 95% confidence, n = 2):", "throughput [1/h]: 5.5 ± 0.25",
                         "wip_mean [jobs]: 3.25"] {
            XCTAssertTrue(summary.contains(expected), "missing '\(expected)' in\n\(summary)")
        }
    }

    func testUnreadableFilesGetOneClearMessage() throws {
        let directory = (temporaryPath("x") as NSString).deletingLastPathComponent
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        let notHDF5 = directory + "/notes.h5", killed = directory + "/killed.h5.partial"
        try Data("not HDF5".utf8).write(to: URL(fileURLWithPath: notHDF5))
        try Data("half a superblock".utf8).write(to: URL(fileURLWithPath: killed))
        let cases = [(directory + "/missing.h5", "no such file"), (directory, "is a directory"),
                     (notHDF5, "not an HDF5 file"),
                     (killed, "h5clear -s \(killed)")]
        for (path, reason) in cases {
            XCTAssertThrowsError(try ResultFileInspector.summary(path: path)) { error in
                XCTAssertTrue(error is ResultFileReadError, "\(error)")
                XCTAssertTrue("\(error)".hasPrefix("cannot read \(path): "), "\(error)")
                XCTAssertTrue("\(error)".contains(reason), "\(error)")
            }
        }
    }
}
