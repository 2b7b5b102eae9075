import Foundation
import TaktScenario
import XCTest

/// Golden tests: every file in BadScenarios/ must be rejected with exactly the diagnostics in its
/// `.expected` file (one `line:column: message` per line). Set TAKT_UPDATE_GOLDEN=1 to rewrite
/// the expected files after a deliberate change of wording, then review the diff.
final class BadScenarioTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("BadScenarios")

    func testEveryBadFileIsRejectedWithItsExpectedDiagnostics() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 44, "the bad-file suite shrank")
        let update = ProcessInfo.processInfo.environment["TAKT_UPDATE_GOLDEN"] == "1"
        for name in files {
            let path = Self.folder.appendingPathComponent(name).path
            let expectedPath = path.replacingOccurrences(of: ".yaml", with: ".expected")
            do {
                _ = try ScenarioLoader.load(path: path)
                XCTFail("\(name) was accepted but must be rejected")
            } catch let error as ScenarioError {
                let actual = error.diagnostics.map { Self.line(for: $0, scenario: path) }.joined(separator: "\n") + "\n"
                XCTAssertTrue(error.diagnostics.allSatisfy { $0.file == path || Self.isBeside($0.file, path) },
                              "\(name): diagnostics must name the file (or a file it names, such as a CSV order list)")
                if update { try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8); continue }
                let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
                XCTAssertEqual(actual, expected, "\(name)")
            }
        }
    }

    /// `line:column: message` for the scenario itself, `other.csv:line:column: message` for a file
    /// it names.
    static func line(for diagnostic: Diagnostic, scenario: String) -> String {
        let position = "\(diagnostic.line):\(diagnostic.column): \(diagnostic.message)"
        guard diagnostic.file != scenario else { return position }
        return "\(URL(fileURLWithPath: diagnostic.file).lastPathComponent):\(position)"
    }

    static func isBeside(_ file: String, _ scenario: String) -> Bool {
        URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL
            == URL(fileURLWithPath: scenario).deletingLastPathComponent().standardizedFileURL
    }

    func testErrorDescriptionIsOneLinePerProblemWithFilePosition() throws {
        let text = "name: x\nqueue:\n  servers: 0\n  interarrival: 5\n  service: 1 min\n  customers: 3\n"
        XCTAssertThrowsError(try ScenarioLoader.parse(text, file: "line.yaml")) { error in
            let description = String(describing: error)
            XCTAssertTrue(description.hasPrefix("line.yaml:3:12: error: "), description)
            XCTAssertTrue(description.contains("\nline.yaml:4:17: error: "), description)
            XCTAssertTrue(description.hasSuffix("2 errors found."), description)
        }
    }
}
