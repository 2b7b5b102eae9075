import TaktExperiments
import XCTest

/// The paired-t arithmetic, checked by hand against a published t quantile.
final class ComparisonPairedDifferenceTests: XCTestCase {
    /// a = (10, 12, 9, 11, 10), b = (11, 14, 12, 15, 15): differences d = (1, 2, 3, 4, 5), so
    /// d̄ = 3, s_d² = (4 + 1 + 0 + 1 + 4) / 4 = 2.5 and s_d / √5 = √0.5. With t(0.975, 4) =
    /// 2.776 (Student's table, e.g. NIST/SEMATECH e-Handbook §1.3.6.7.2; 2.7764451052 to ten
    /// digits) the half-width is 2.776445 × 0.707107 = 1.963243.
    func testPairedTByHand() {
        let row = PairedDifference(kpi: "k", label: "K", unit: "min", variantA: "a", variantB: "b",
                                   a: [10, 12, 9, 11, 10], b: [11, 14, 12, 15, 15], level: 0.95)
        XCTAssertEqual(row.n, 5)
        XCTAssertEqual(row.meanA, 10.4, accuracy: 1e-12)
        XCTAssertEqual(row.meanB, 13.4, accuracy: 1e-12)
        XCTAssertEqual(row.difference, 3, accuracy: 1e-12)
        XCTAssertEqual(row.differenceStandardDeviation, 2.5.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(row.differenceHalfWidth / 0.5.squareRoot(), 2.776, accuracy: 5e-4, "the table's t(0.975, 4)")
        XCTAssertEqual(row.differenceHalfWidth, 2.7764451052 * 0.5.squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(row.differenceHalfWidth, 1.963243, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(row.relativeChange), 3 / 10.4, accuracy: 1e-12)
        XCTAssertTrue(row.significant, "3 ± 1.96 excludes 0")
        // Each side alone: s_a² = (0.16 + 2.56 + 1.96 + 0.36 + 0.16) / 4 = 1.3.
        XCTAssertEqual(row.halfWidthA, 2.7764451052 * (1.3 / 5).squareRoot(), accuracy: 1e-9)
    }

    /// An interval that contains 0 is not significant.
    func testNotSignificantWhenTheIntervalContainsZero() {
        let row = PairedDifference(kpi: "k", label: "K", unit: "", variantA: "a", variantB: "b",
                                   a: [1, 2, 3], b: [2, 1, 3.5], level: 0.95)
        XCTAssertEqual(row.difference, 0.5 / 3, accuracy: 1e-12)
        XCTAssertGreaterThan(row.differenceHalfWidth, abs(row.difference))
        XCTAssertFalse(row.significant)
    }

    /// One pair: a difference but no interval (NaN), never significant.
    func testOnePairHasNoInterval() {
        let row = PairedDifference(kpi: "k", label: "K", unit: "", variantA: "a", variantB: "b", a: [2], b: [3],
                                   level: 0.95)
        XCTAssertEqual(row.difference, 1)
        XCTAssertTrue(row.differenceHalfWidth.isNaN)
        XCTAssertTrue(row.halfWidthA.isNaN)
        XCTAssertFalse(row.significant)
    }

    /// Zero variance: identical sides give exactly 0 ± 0; a constant shift gives it ± 0, significant.
    func testZeroVariance() {
        let same = PairedDifference(kpi: "k", label: "K", unit: "", variantA: "a", variantB: "b",
                                    a: [0.1, 0.7, 0.3], b: [0.1, 0.7, 0.3], level: 0.95)
        XCTAssertEqual(same.difference, 0)
        XCTAssertEqual(same.differenceHalfWidth, 0)
        XCTAssertEqual(same.relativeChange, 0)
        XCTAssertFalse(same.significant)
        let shifted = PairedDifference(kpi: "k", label: "K", unit: "", variantA: "a", variantB: "b",
                                       a: [1, 2, 3], b: [3, 4, 5], level: 0.95)
        XCTAssertEqual(shifted.difference, 2)
        XCTAssertEqual(shifted.differenceHalfWidth, 0)
        XCTAssertTrue(shifted.significant)
    }

    /// A relative change from a zero mean is undefined unless nothing changed.
    func testRelativeChangeFromZero() {
        let zero = PairedDifference(kpi: "k", label: "K", unit: "", variantA: "a", variantB: "b", a: [0, 0], b: [0, 0],
                                    level: 0.95)
        XCTAssertEqual(zero.relativeChange, 0)
        let up = PairedDifference(kpi: "k", label: "K", unit: "", variantA: "a", variantB: "b", a: [0, 0], b: [1, 2],
                                  level: 0.95)
        XCTAssertNil(up.relativeChange)
    }
}
