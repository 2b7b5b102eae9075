import Foundation
import TaktScenario
import TaktScheduling
import XCTest

/// Golden tests of the job-shop readers behind `takt schedule`: every file in BadJobShops/ (.fjs
/// read as Brandimarte's format, .txt as OR-Library) must be rejected with exactly the
/// diagnostics in its `.expected` file (one `line:column: message` per line). Set
/// TAKT_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change of wording.
final class BadJobShopTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("BadJobShops")

    func testEveryBadJobShopIsRejectedWithItsExpectedDiagnostics() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".fjs") || $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 17, "the bad job-shop suite shrank")
        let update = ProcessInfo.processInfo.environment["TAKT_UPDATE_GOLDEN"] == "1"
        for name in files {
            let path = Self.folder.appendingPathComponent(name).path
            let expectedPath = (path as NSString).deletingPathExtension + ".expected"
            do {
                _ = try SchedulingFile.load(path: path)
                XCTFail("\(name) was accepted but must be rejected")
            } catch let error as ScenarioError {
                XCTAssertTrue(error.diagnostics.allSatisfy { $0.file == path }, name)
                let actual = error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
                    .joined(separator: "\n") + "\n"
                if update { try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8); continue }
                XCTAssertEqual(actual, try String(contentsOfFile: expectedPath, encoding: .utf8), name)
            }
        }
    }

    func testFlexibleFileReadsWithMachinesFromOneAndAnyLineEnds() throws {
        let text = "# a comment\n2 3 1.5\n2  1 1 5  2 2 4 3 6\n\n1  1 3 2\n"
        let lf = try SchedulingFile.parse(text: text, file: "a.fjs")
        XCTAssertEqual(lf.format, .brandimarte)
        XCTAssertEqual(lf.machineOffset, 1)
        XCTAssertEqual(lf.problem.machineCount, 3)
        XCTAssertEqual(lf.problem.jobs.count, 2)
        XCTAssertEqual(lf.problem.jobs[0][1].alternatives, [.init(machine: 1, duration: 4), .init(machine: 2,
                                                                                                  duration: 6)])
        XCTAssertEqual(lf.problem.jobs[1][0].alternatives, [.init(machine: 2, duration: 2)])
        for ending in ["\r\n", "\r"] {
            let other = try SchedulingFile.parse(text: text.replacingOccurrences(of: "\n", with: ending), file: "a.fjs")
            XCTAssertEqual(other.problem, lf.problem)
        }
    }

    func testOrLibraryFileBecomesAClassicProblem() throws {
        let file = try SchedulingFile.parse(text: "2 2\n0 3 1 4\n1 5 0 2\n", file: "x.txt")
        XCTAssertEqual(file.format, .orLibrary)
        XCTAssertEqual(file.machineOffset, 0)
        XCTAssertTrue(file.problem.isClassic)
        XCTAssertEqual(file.problem.jobs[1][0].alternatives, [.init(machine: 1, duration: 5)])
    }

    func testMissingFileIsALocatedError() {
        XCTAssertThrowsError(try SchedulingFile.load(path: "/nonexistent/x.fjs")) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("/nonexistent/x.fjs:1:1: error: "))
        }
    }
}
