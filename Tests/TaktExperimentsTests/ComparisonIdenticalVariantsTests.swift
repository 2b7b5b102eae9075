import TaktExperiments
import TaktScenario
import XCTest

/// Common random numbers are really common: variants that simulate the same plant give the same
/// numbers, replication by replication, so every difference is exactly 0 with a half-width of 0.
final class ComparisonIdenticalVariantsTests: XCTestCase {
    /// A variant whose overlay restates a base value.
    func testNoOpVariantDiffersByExactlyZero() throws {
        let outcome = try Comparison(scenarios: ComparisonTestLine.variants(["base", "same"]), replications: 8).run()
        assertAllZero(outcome, expectedKPIs: outcome.variants[0].summaries.count)
    }

    /// The same scenario twice; and, as a control, twice with independent streams, which differ.
    func testSameScenarioTwiceDiffersByExactlyZero() throws {
        let base = try ComparisonTestLine.base()
        let common = try Comparison(scenarios: [base, base], replications: 8).run()
        assertAllZero(common, expectedKPIs: common.variants[0].summaries.count)

        let independent = try Comparison(scenarios: [base, base], replications: 8, streams: .independent).run()
        let throughput = try XCTUnwrap(independent.differences.first { $0.kpi == "throughput" })
        XCTAssertNotEqual(throughput.difference, 0, "independent streams must not reproduce the reference's draws")
        XCTAssertGreaterThan(throughput.differenceHalfWidth, 0)
    }

    func assertAllZero(_ outcome: ComparisonOutcome, expectedKPIs: Int, file: StaticString = #filePath,
                       line: UInt = #line) {
        XCTAssertEqual(outcome.differences.count, expectedKPIs, "every KPI is compared", file: file, line: line)
        XCTAssertGreaterThan(expectedKPIs, 30, file: file, line: line)
        for row in outcome.differences {
            XCTAssertEqual(row.n, 8, row.kpi, file: file, line: line)
            XCTAssertEqual(row.difference, 0, "\(row.kpi): difference", file: file, line: line)
            XCTAssertEqual(row.differenceHalfWidth, 0, "\(row.kpi): half-width", file: file, line: line)
            XCTAssertEqual(row.meanA.bitPattern, row.meanB.bitPattern, "\(row.kpi): means", file: file, line: line)
            XCTAssertEqual(row.relativeChange, 0, row.kpi, file: file, line: line)
            XCTAssertFalse(row.significant, row.kpi, file: file, line: line)
        }
    }
}
