import Foundation
import TaktControl
import TaktKernel
import XCTest

/// The recursive logistic regression recovers known coefficients, with exact labels and through
/// a noisy check, within the uncertainty it reports itself.
final class OnlineLogisticRegressionTests: XCTestCase {
    let truth = [-2.5, 1.2, -0.8, 0.0, 0.6]   // intercept, then 4 features (one irrelevant)

    /// Learns from `n` examples with features uniform in [−1, 1]² (the last one squared, like the
    /// optimiser's z² features); labels from the true model, seen through the given check.
    func learn(n: Int, floor: Double, ceiling: Double, seed: UInt64) -> OnlineLogisticRegression {
        var random = Xoshiro256StarStar(seed: seed)
        var regression = OnlineLogisticRegression(featureCount: 4, penalties: [1], floor: floor, ceiling: ceiling)
        var x = [0.0, 0, 0, 0]
        for _ in 0..<n {
            for j in 0..<3 { x[j] = 2 * random.nextUnit() - 1 }
            x[3] = x[0] * x[0]
            var eta = truth[0]
            for j in 0..<4 { eta += truth[j + 1] * x[j] }
            let defective = random.nextUnit() < 1 / (1 + exp(-eta))
            let flagged = random.nextUnit() < (defective ? ceiling : floor)
            regression.add(x, label: flagged)
        }
        return regression
    }

    /// Each slope within 4 of its standard errors (13 comparisons in all: a miss by chance has
    /// probability ≈ 13 × 6·10⁻⁵ < 0.1 %), and the standard errors shrink like 1/√n.
    func assertRecovers(_ regression: OnlineLogisticRegression, file: StaticString = #filePath, line: UInt = #line) {
        for j in 1...4 {
            let se = regression.covariance(j, j).squareRoot()
            XCTAssertEqual(regression.coefficient(j), truth[j], accuracy: 4 * se, "coefficient \(j)", file: file,
                           line: line)
            XCTAssertLessThan(se, 0.2, file: file, line: line)
        }
        XCTAssertEqual(regression.coefficient(0), truth[0], accuracy: 0.3, "intercept", file: file, line: line)
    }

    func testRecoversCoefficientsFromExactLabels() {
        let regression = learn(n: 40_000, floor: 0, ceiling: 1, seed: 1)
        print("exact labels: \(regression.coefficients.map { String(format: "%.3f", $0) })")
        assertRecovers(regression)
        XCTAssertEqual(regression.count, 40_000)
    }

    func testRecoversCoefficientsThroughANoisyCheck() {
        let regression = learn(n: 60_000, floor: 0.03, ceiling: 0.9, seed: 2)
        print("noisy check: \(regression.coefficients.map { String(format: "%.3f", $0) })")
        assertRecovers(regression)
    }

    /// The fitted log-odds and the stored coefficients agree (centring is internal).
    func testLogOddsUsesRawFeatures() {
        let regression = learn(n: 2_000, floor: 0, ceiling: 1, seed: 3)
        let x = [0.3, -0.2, 0.9, 0.09]
        let expected = regression.coefficient(0) + (0..<4).reduce(0) { $0 + regression.coefficient($1 + 1) * x[$1] }
        XCTAssertEqual(regression.logOdds(x), expected, accuracy: 1e-12)
    }
}
