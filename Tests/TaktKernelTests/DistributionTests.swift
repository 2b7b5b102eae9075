import TaktKernel
import XCTest

/// Each law's sample mean and variance against theory. The tolerance is a z-bound from the
/// sample size: |mean − μ| ≤ z·σ/√n and |s² − σ²| ≤ z·√((m₄ − s⁴)/n), with m₄ the sample fourth
/// central moment, and z = 4.5 (a false alarm has probability below 10⁻⁵ per check). The seeds
/// are fixed, so each check is reproducible.
final class DistributionTests: XCTestCase {
    let n = 400_000
    let z = 4.5

    func checkMoments(_ distribution: Distribution, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(distribution.validationError, file: file, line: line)
        var rng = RandomStreams(seed: 11).stream(entity: "test", purpose: "\(distribution)")
        var samples = [Double](repeating: 0, count: n)
        for index in 0..<n { samples[index] = distribution.sample(&rng) }
        let count = Double(n)
        let mean = samples.reduce(0, +) / count
        var m2 = 0.0, m4 = 0.0
        for value in samples {
            let d = value - mean
            m2 += d * d
            m4 += d * d * d * d
        }
        let variance = m2 / (count - 1)
        m4 /= count
        let meanBound = z * (distribution.variance / count).squareRoot()
        XCTAssertLessThanOrEqual(abs(mean - distribution.mean), max(meanBound, 1e-9 * abs(distribution.mean)),
                                 "mean of \(distribution): \(mean) vs \(distribution.mean)", file: file, line: line)
        let varianceBound = z * max(m4 - variance * variance, 0).squareRoot() / count.squareRoot()
        XCTAssertLessThanOrEqual(abs(variance - distribution.variance), max(varianceBound, 1e-12),
                                 "variance of \(distribution): \(variance) vs \(distribution.variance)", file: file,
                                 line: line)
    }

    func testConstant() { checkMoments(.constant(4.2)) }
    func testUniform() { checkMoments(.uniform(min: 2, max: 5)) }
    func testTriangular() { checkMoments(.triangular(min: 1, mode: 2, max: 6)) }
    func testExponential() { checkMoments(.exponential(mean: 300)) }
    func testNormal() { checkMoments(.normal(mean: 10, sd: 2)) }
    func testLognormal() { checkMoments(.lognormal(mean: 10, sd: 2)) }
    func testGammaShapeAboveOne() { checkMoments(.gamma(shape: 2.5, scale: 3)) }
    func testGammaShapeBelowOne() { checkMoments(.gamma(shape: 0.4, scale: 2)) }
    func testWeibull() { checkMoments(.weibull(shape: 1.8, scale: 100)) }
    func testErlangFewPhases() { checkMoments(.erlang(phases: 3, mean: 6)) }
    func testErlangManyPhases() { checkMoments(.erlang(phases: 40, mean: 6)) }
    func testBernoulli() { checkMoments(.bernoulli(p: 0.07)) }
    func testDiscrete() { checkMoments(.discrete(DiscreteTable(values: [1, 2, 5], weights: [3, 1, 1]))) }
    func testEmpirical() { checkMoments(.empirical(samples: [4, 8, 8, 15, 16, 23, 42])) }

    /// Theoretical moments are right where they are easy to compute by hand.
    func testTheoreticalMoments() {
        XCTAssertEqual(Distribution.weibull(shape: 1, scale: 5).mean, 5, accuracy: 1e-12)
        XCTAssertEqual(Distribution.weibull(shape: 1, scale: 5).variance, 25, accuracy: 1e-9)
        XCTAssertEqual(Distribution.triangular(min: 0, mode: 0, max: 3).mean, 1)
        XCTAssertEqual(Distribution.discrete(DiscreteTable(values: [1, 2, 5], weights: [3, 1, 1])).mean, 2)
        XCTAssertEqual(Distribution.empirical(samples: [1, 3]).variance, 1)
    }

    /// A normal used as a duration never goes negative.
    func testNormalDurationIsTruncatedAtZero() {
        var rng = Xoshiro256StarStar(seed: 3)
        let wide = Distribution.normal(mean: 1, sd: 2)
        for _ in 0..<10_000 { XCTAssertGreaterThanOrEqual(wide.sampleDuration(&rng), 0) }
    }

    /// Bad parameters are reported, in words.
    func testValidation() {
        XCTAssertNotNil(Distribution.exponential(mean: 0).validationError)
        XCTAssertNotNil(Distribution.uniform(min: 3, max: 1).validationError)
        XCTAssertNotNil(Distribution.triangular(min: 0, mode: 5, max: 3).validationError)
        XCTAssertNotNil(Distribution.bernoulli(p: 1.5).validationError)
        XCTAssertNotNil(Distribution.erlang(phases: 0, mean: 1).validationError)
        XCTAssertNotNil(Distribution.empirical(samples: []).validationError)
        XCTAssertNotNil(Distribution.normal(mean: 1, sd: -1).validationError)
        XCTAssertNil(Distribution.normal(mean: 1, sd: 0).validationError)
    }
}
