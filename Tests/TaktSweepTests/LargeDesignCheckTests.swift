import Foundation
import TaktSweep
import XCTest

/// `takt sweep plan` checks every point of a design (issue 11: designs of thousands of points
/// took minutes). Checking reads each point from the base scenario's tree, parsed once.
final class LargeDesignCheckTests: XCTestCase {
    var folder = ""
    var flowLine: String { SweepTestSupport.scenario("flow-line.yaml") }

    override func setUpWithError() throws { folder = try SweepTestSupport.temporaryFolder(self) }

    /// The most a point may cost to check. Measured in release builds on a loaded 2-core machine:
    /// about 0.42 ms a point for 20,000 points (2.4 ms before the base tree was shared and the
    /// reader stopped bridging strings); the bound is 5× that, so a quadratic check fails it.
    static let mostSecondsPerPoint = 0.002

    func testTwentyThousandPointsAreCheckedWithinTheirBound() throws {
        let path = try SweepTestSupport.write("""
            name: large grid
            scenario: \(flowLine)
            parameters:
              stations.mill.buffer: {min: 1, max: 200, steps: 200, integer: true}
              orders[0].rate: {min: 1, max: 10, steps: 100, unit: /h}
            """, in: folder)
        let sweep = try SweepLoader.load(path: path)
        XCTAssertEqual(sweep.points.count, 20_000)
        let start = Date()
        let problems = sweep.check()
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(problems.map(\.description), [])
        let perPoint = seconds / Double(sweep.points.count)
        XCTAssertLessThan(perPoint, Self.mostSecondsPerPoint,
                          "checking took \(seconds) s, \(perPoint * 1000) ms a point")
    }

    func testAnInvalidPointDeepInALargeDesignIsReportedWithItsNumberAndPosition() throws {
        let count = 5_000, bad = 4_321
        let header = """
            name: explicit points
            scenario: \(flowLine)
            design:
              points:
            """
        var lines = header.split(separator: "\n").map(String.init)
        for point in 0..<count {
            let machines = point == bad ? 0 : 1 + point % 3
            lines.append("    - {stations.mill.machines: \(machines), stations.drill.buffer: \(1 + point % 50)}")
        }
        let path = try SweepTestSupport.write(lines.joined(separator: "\n") + "\n", in: folder)
        let sweep = try SweepLoader.load(path: path)
        XCTAssertEqual(sweep.points.count, count)
        let problems = sweep.check().map(\.description)
        let line = header.split(separator: "\n").count + bad + 1
        let column = "    - {stations.mill.machines: ".count + 1
        XCTAssertEqual(problems, [
            "\(path):\(line):\(column): error: stations.mill.machines must be between 1 and 1000000, found 0 "
                + "(point \(bad): stations.mill.machines=0, stations.drill.buffer=\(1 + bad % 50))",
        ])
    }
}
