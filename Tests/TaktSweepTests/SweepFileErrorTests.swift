import TaktSweep
import XCTest

/// Problems in sweep files are reported at their line and column in the sweep file.
final class SweepFileErrorTests: XCTestCase {
    var folder = ""
    var scenario: String { SweepTestSupport.scenario("two-shifts.yaml") }

    override func setUpWithError() throws { folder = try SweepTestSupport.temporaryFolder(self) }

    func problems(_ text: String) throws -> [String] { try SweepTestSupport.problems(text, in: folder) }

    func testPathMissingInTheScenarioPointsAtTheSweepFile() throws {
        let found = try problems("""
            name: bad path
            scenario: \(scenario)
            parameters:
              stations.lathe.machines: [2, 3]
              stations.weld.machines: [1, 2]
            """)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("\(folder)/sweep.yaml:5:3: error: parameter path stations.weld.machines: "
            + "the scenario has no 'weld' in stations;"), found[0])
        XCTAssertTrue(found[0].contains("it defines: lathe, grind, inspect"), found[0])
    }

    func testMisspeltLeafIsReportedByTheScenarioReaderAtTheSweepKey() throws {
        let found = try problems("""
            name: typo
            scenario: \(scenario)
            parameters:
              stations.lathe.machine: [2, 3]
            """)
        XCTAssertFalse(found.isEmpty)
        XCTAssertTrue(found.allSatisfy { $0.hasPrefix("\(folder)/sweep.yaml:4:3: error: unknown key 'machine' in "
                                                          + "stations.lathe; did you mean 'machines'?") },
                      "\(found)")
    }

    func testInvalidValueIsReportedAtTheValueWithItsPoints() throws {
        let found = try problems("""
            name: zero machines
            scenario: \(scenario)
            parameters:
              stations.lathe.machines: [2, 0]
              variant: [base, three_shifts]
            """)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("\(folder)/sweep.yaml:4:32: error: stations.lathe.machines must be between 1 "
                                             + "and 1000000, found 0 (points 2, 3)"),
                      found[0])
    }

    func testProblemOutsideTheValueQuotesTheScenario() throws {
        let found = try problems("""
            name: warm-up too long
            scenario: \(scenario)
            parameters:
              run.warm_up: [1 d, 9 w]
            """)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].contains("sweep.yaml:3:1: error: at this point the scenario fails: \(scenario):"),
                      found[0])
        XCTAssertTrue(found[0].contains("run.warm_up must be shorter than run.duration (point 1: run.warm_up=9 w)"),
                      found[0])
    }

    func testVariantsAndReservedPaths() throws {
        let found = try problems("""
            name: variants
            scenario: \(scenario)
            parameters:
              variant: [base, three_shift]
              run.seed: [1, 2]
              variants: [a]
              stations..machines: [1]
            """)
        XCTAssertEqual(found.count, 4, "\(found)")
        XCTAssertTrue(found[0].contains("sweep.yaml:4:19: error: variant 'three_shift' is not defined by the scenario; "
                                            + "did you mean 'three_shifts'?"), found[0])
        XCTAssertTrue(found[1].contains("sweep.yaml:5:3: error: run.seed cannot be swept"), found[1])
        XCTAssertTrue(found[2].contains("sweep.yaml:6:3: error: to sweep over variants, name the parameter 'variant'"),
                      found[2])
        XCTAssertTrue(found[3].contains("sweep.yaml:7:3: error: 'stations..machines' is not a parameter path"),
                      found[3])
    }

    func testTopLevelKeysDesignAndRanges() throws {
        let found = try problems("""
            name: keys
            scenario: \(scenario)
            replicatons: 3
            parameters:
              stations.lathe.machines: {min: 1, max: 4}
            design: gird
            """)
        XCTAssertEqual(found.count, 3, "\(found)")
        XCTAssertTrue(found[0].contains("sweep.yaml:3:1: error: unknown key 'replicatons' in the sweep; did you mean "
                                            + "'replications'?"), found[0])
        XCTAssertTrue(found[1].contains("sweep.yaml:5:28: error: parameters.stations.lathe.machines: a range in a "
                                            + "grid needs 'steps'"), found[1])
        XCTAssertTrue(found[2].contains("sweep.yaml:6:9: error: design: unknown design 'gird'; did you mean 'grid'?"),
                      found[2])
    }

    /// A grid is counted with overflow checks before it is built: 10¹⁵ points (once 40 GB of
    /// allocation) and 10²⁰ (once an overflow trap) are refused at the parameters.
    func testHugeGridsAreRefusedBeforeTheyAreBuilt() throws {
        for count in [3, 4] {
            let parameters = ["stations.lathe.breakdowns.time_to_failure", "stations.grind.breakdowns.time_to_failure",
                              "stations.lathe.breakdowns.repair", "stations.grind.breakdowns.repair"].prefix(count)
                .map { "  \($0): {min: 1, max: 9, unit: h, steps: 100000}" }.joined(separator: "\n")
            let found = try problems("name: huge\nscenario: \(scenario)\nparameters:\n\(parameters)\n")
            XCTAssertEqual(found.count, 1, "\(found)")
            let size = count == 3 ? "1000000000000000" : "more than \(Int.max)"
            XCTAssertTrue(found[0].contains("sweep.yaml:4:3: error: the grid has \(size) points"), found[0])
            XCTAssertTrue(found[0].contains("more than the 1000000 a sweep may have"), found[0])
        }
    }

    func testMissingScenarioAndYAMLSyntax() throws {
        let missing = try problems("name: x\nscenario: nowhere.yaml\nparameters: {stations.a.machines: [1]}\n")
        XCTAssertEqual(missing,
                       ["\(folder)/sweep.yaml:2:11: error: scenario file 'nowhere.yaml' does not exist (looked for "
                            + "\(folder)/nowhere.yaml)"])
        let syntax = try problems("name: x\nscenario: [\n")
        XCTAssertEqual(syntax.count, 1)
        XCTAssertTrue(syntax[0].hasPrefix("\(folder)/sweep.yaml:3:1: error: YAML syntax"), syntax[0])
        let empty = try problems("")
        XCTAssertEqual(empty,
                       ["\(folder)/sweep.yaml:1:1: error: sweep file is empty; expected at least 'name:', 'scenario:' "
                            + "and 'parameters:'"])
    }

    func testBrokenBaseScenarioReportsItsOwnProblems() throws {
        let base = try SweepTestSupport.write("name: q\nqueue:\n  servers: 0\n", in: folder, name: "base.yaml")
        let found = try problems("name: x\nscenario: base.yaml\nparameters: {queue.servers: [1, 2]}\n")
        XCTAssertTrue(found[0].hasPrefix("\(folder)/sweep.yaml:2:11: error: the base scenario "
                                             + "'base.yaml' does not load"), "\(found)")
        XCTAssertTrue(found.dropFirst().allSatisfy { $0.hasPrefix(base + ":") }, "\(found)")
    }

    func testExplicitPointsMustGiveEveryParameter() throws {
        let found = try problems("""
            name: points
            scenario: \(scenario)
            design:
              points:
                - {stations.lathe.machines: 2, variant: base}
                - {stations.lathe.machines: 3}
            """)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].contains("sweep.yaml:6:7: error: point 1 does not give variant"), found[0])
    }

    /// Found by fuzzing (issue #11): the YAML parser puts an error at the end of a file without a
    /// final line break on the line after the last; it is reported at the end of the last line,
    /// whatever the line ends.
    func testSyntaxErrorAtTheEndOfTheFileIsOnItsLastLine() throws {
        for ending in ["\n", "\r\n", "\r"] {
            let lines = ["name: open list", "scenario: \(scenario)", "parameters:", "  stations.lathe.machines: [2, 3"]
            let found = try problems(lines.joined(separator: ending))
            XCTAssertEqual(found.count, 1, "\(found)")
            XCTAssertTrue(found.first?.hasPrefix("\(folder)/sweep.yaml:4:33: error: YAML syntax: ") ?? false,
                          "\(ending.debugDescription): \(found)")
        }
    }
}

/// Labelled values: whole settings blocks, named in tables by their labels.
final class LabelledValueTests: XCTestCase {
    func testLabelledMappingValuesLoadAndProblemsPointIntoThem() throws {
        let folder = try SweepTestSupport.temporaryFolder(self)
        let good = try SweepTestSupport.write("""
            name: policies
            scenario: \(SweepTestSupport.scenario("fleet-maintenance.yaml"))
            parameters:
              controllers.maintenance:
                values:
                  rtf: {policy: run_to_failure}
                  condition 4: {policy: condition, sensor: vibration, threshold: 4, duration: 90 min}
            """, in: folder)
        let sweep = try SweepLoader.load(path: good)
        XCTAssertEqual(sweep.points.map { $0.values[0].label }, ["rtf", "condition 4"])
        XCTAssertFalse(sweep.parameters[0].isNumeric)
        XCTAssertTrue(sweep.check().isEmpty, "\(sweep.check())")
        let found = try SweepTestSupport.problems("""
            name: policies
            scenario: \(SweepTestSupport.scenario("fleet-maintenance.yaml"))
            parameters:
              controllers.maintenance:
                values:
                  condition: {policy: condition, sensor: vibraton, threshold: 4}
            """, in: folder)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].contains("sweep.yaml:6:46: error: "), found[0])
        XCTAssertTrue(found[0].contains("vibraton"), found[0])
    }
}
