import Foundation
import TaktControl
import TaktKernel
import XCTest

/// Exponential forgetting in the recursive logistic regression: after the truth changes, a
/// regression with a memory follows it, one that remembers everything stays near the average of
/// both regimes. Judged over replications, against the spread of the replications themselves.
final class ForgettingRegressionTests: XCTestCase {
    static let replications = 8
    /// Examples per regime; the slope is +1 in the first, −1 in the second; intercept −1.5.
    static let perRegime = 20_000

    /// The final slope estimate of one replication.
    static func finalSlope(memory: Int, seed: UInt64) -> (slope: Double, se: Double) {
        var random = Xoshiro256StarStar(seed: seed)
        let forgetting = memory > 0 ? 1 - 1 / Double(memory) : 1
        var regression = OnlineLogisticRegression(featureCount: 1, penalties: [1], forgetting: forgetting)
        for regime in 0..<2 {
            let slope = regime == 0 ? 1.0 : -1.0
            for _ in 0..<perRegime {
                let x = 2 * random.nextUnit() - 1
                let label = random.nextUnit() < 1 / (1 + exp(-(-1.5 + slope * x)))
                regression.add([x], label: label)
            }
        }
        return (regression.coefficient(1), regression.covariance(1, 1).squareRoot())
    }

    static func slopes(memory: Int) -> [(slope: Double, se: Double)] {
        (0..<replications).map { finalSlope(memory: memory, seed: 100 + UInt64($0)) }
    }

    /// Mean and the half-width of its 99.9 % interval (t with 7 df: 5.41).
    static func interval(_ values: [Double]) -> (mean: Double, halfWidth: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, 5.41 * (variance / Double(values.count)).squareRoot())
    }

    /// With a memory of 2 000 examples the slope after the change is −1: the 99.9 % interval of
    /// the mean over 8 replications contains it (the lag bias after 20 000 examples is e⁻¹⁰ of
    /// the jump). The reported standard error is conservative: under forgetting the posterior
    /// counts the effective window's information once, about N = memory examples, while the
    /// exponentially weighted estimate varies like N/2 examples' worth would — it overstates the
    /// sd by about √2. So it must lie between half and four times the spread across replications
    /// (the sd of 8 draws is within ±50 % of σ with probability > 97 %).
    func testWithAMemoryItFollowsTheChange() {
        let results = Self.slopes(memory: 2_000)
        let (mean, halfWidth) = Self.interval(results.map(\.slope))
        print("memory 2000: slope \(mean) ± \(halfWidth), reported se \(results[0].se)")
        XCTAssertEqual(mean, -1, accuracy: halfWidth)
        let sd = halfWidth / 5.41 * Double(Self.replications).squareRoot()
        XCTAssertGreaterThan(results[0].se, sd / 2)
        XCTAssertLessThan(results[0].se, sd * 4)
        // the memory is finite: the reported uncertainty does not shrink like 1/√40 000
        XCTAssertGreaterThan(results[0].se, 0.06)
    }

    /// Remembering everything, it reports about the average of the two regimes (0), far from −1:
    /// the interval of the mean lies above −0.5.
    func testWithoutMemoryItAveragesTheRegimes() {
        let (mean, halfWidth) = Self.interval(Self.slopes(memory: 0).map(\.slope))
        print("no memory: slope \(mean) ± \(halfWidth)")
        XCTAssertGreaterThan(mean - halfWidth, -0.5)
        XCTAssertLessThan(mean + halfWidth, 0.5)
    }

    /// Forgetting never lets a coefficient's variance exceed its prior variance, even when a
    /// feature stops varying (no wind-up).
    func testNoWindUpWhenAFeatureStopsVarying() {
        var regression = OnlineLogisticRegression(featureCount: 2, penalties: [1], forgetting: 0.99)
        var random = Xoshiro256StarStar(seed: 5)
        for _ in 0..<5_000 { regression.add([2 * random.nextUnit() - 1, 0], label: random.nextUnit() < 0.2) }
        XCTAssertLessThanOrEqual(regression.covariance(2, 2), 1 + 1e-12)
        XCTAssertLessThanOrEqual(regression.covariance(0, 0), 100 + 1e-9)
        XCTAssertTrue(regression.coefficients.allSatisfy(\.isFinite))
    }
}
