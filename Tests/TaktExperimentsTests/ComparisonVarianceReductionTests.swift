import TaktExperiments
import TaktScenario
import XCTest

/// Common random numbers narrow the paired interval compared with independent streams.
///
/// The variance-reduction factor of a KPI is s²(B − A, independent streams) / s²(B − A, common
/// random numbers), both over n replication pairs. The two runs use different master seeds, so
/// the two sample variances are independent; if common random numbers bought nothing, their
/// ratio would follow F(n − 1, n − 1), whose 0.999 quantile for n = 60 is 2.268 (computed by
/// SciPy `f.ppf(0.999, 59, 59)`, and by the incomplete beta function of the analyst kit). A
/// factor above 10 therefore means a true factor above 10 / 2.268 ≈ 4.4 at 0.1 % risk, and an
/// interval more than √10 ≈ 3.2 times narrower for the same replications.
final class ComparisonVarianceReductionTests: XCTestCase {
    static let replications = 60
    static let fQuantile999 = 2.268

    func testCommonRandomNumbersNarrowThePairedInterval() throws {
        let scenarios = try ComparisonTestLine.variants(["base", "faster_mill"])
        let common = try Comparison(scenarios: scenarios, replications: Self.replications, seed: 1).run()
        let independent = try Comparison(scenarios: scenarios, replications: Self.replications, seed: 2,
                                         streams: .independent).run()
        var factors: [String: Double] = [:]
        for kpi in ["throughput", "utilisation.mill", "failures.mill", "wip_mean", "flow_time_mean", "flow_time_p95"] {
            let crn = try XCTUnwrap(common.differences.first { $0.kpi == kpi }, kpi)
            let ind = try XCTUnwrap(independent.differences.first { $0.kpi == kpi }, kpi)
            XCTAssertEqual(crn.n, Self.replications)
            let factor = (ind.differenceStandardDeviation / crn.differenceStandardDeviation).squared
            factors[kpi] = factor
            print(String(format: "variance reduction %-18@ %8.1f   B − A: common %.4g ± %.3g, independent %.4g ± %.3g",
                         kpi, factor, crn.difference, crn.differenceHalfWidth, ind.difference, ind.differenceHalfWidth))
        }
        // Throughput is driven by the shared arrival stream; the mill's utilisation by the shared
        // processing times: both are where common random numbers must shine.
        for kpi in ["throughput", "utilisation.mill"] {
            XCTAssertGreaterThan(factors[kpi]!, 10, kpi)
            XCTAssertGreaterThan(factors[kpi]!, Self.fQuantile999, kpi)
        }
        // The change itself is detected under common random numbers: 2 min less milling on the
        // bottleneck lowers its utilisation by about 2/18 of its 80 %.
        let mill = try XCTUnwrap(common.differences.first { $0.kpi == "utilisation.mill" })
        XCTAssertTrue(mill.significant)
        XCTAssertLessThan(mill.difference, -5)
        XCTAssertGreaterThan(mill.difference, -12)
    }
}

private extension Double {
    var squared: Double { self * self }
}
