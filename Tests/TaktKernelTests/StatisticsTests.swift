import TaktKernel
import XCTest

final class StatisticsTests: XCTestCase {
    /// Tally against the textbook example 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − x̄)² = 32.
    func testTallyByHand() {
        var tally = Tally()
        for value in [2.0, 4, 4, 4, 5, 5, 7, 9] { tally.record(value) }
        XCTAssertEqual(tally.count, 8)
        XCTAssertEqual(tally.mean, 5)
        XCTAssertEqual(tally.variance, 32.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(tally.min, 2)
        XCTAssertEqual(tally.max, 9)
        XCTAssertEqual(tally.sum, 40)
        tally.reset()
        XCTAssertEqual(tally.count, 0)
    }

    /// Merging two tallies equals recording everything in one.
    func testTallyMerge() {
        var left = Tally(), right = Tally(), all = Tally()
        for value in [1.0, 2, 3] { left.record(value); all.record(value) }
        for value in [10.0, 20] { right.record(value); all.record(value) }
        let merged = left.merged(with: right)
        XCTAssertEqual(merged.count, all.count)
        XCTAssertEqual(merged.mean, all.mean, accuracy: 1e-12)
        XCTAssertEqual(merged.variance, all.variance, accuracy: 1e-9)
        XCTAssertEqual(merged.max, 20)
    }

    /// Time average of a level: 0 on [0, 2), 3 on [2, 6), 1 on [6, 10] → (0·2 + 3·4 + 1·4)/10 = 1.6.
    func testTimeWeightedLevelByHand() {
        var level = TimeWeightedLevel(level: 0, at: 0)
        level.update(to: 3, at: 2)
        level.update(to: 1, at: 6)
        XCTAssertEqual(level.mean(at: 10), 1.6, accuracy: 1e-12)
        XCTAssertEqual(level.max, 3)
        level.reset(at: 10)   // warm-up ends at 10 with the level at 1
        level.add(1, at: 15)  // 1 on [10, 15), 2 on [15, 20]
        XCTAssertEqual(level.mean(at: 20), 1.5, accuracy: 1e-12)
    }

    /// Student-t quantiles against published tables.
    func testStudentTQuantiles() {
        XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 1), 12.706204736, accuracy: 1e-6)
        XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 10), 2.228138852, accuracy: 1e-8)
        XCTAssertEqual(StudentT.quantile(0.995, degreesOfFreedom: 29), 2.756385904, accuracy: 1e-8)
        XCTAssertEqual(StudentT.quantile(0.95, degreesOfFreedom: 1000), 1.646379, accuracy: 1e-5)
        XCTAssertEqual(StudentT.quantile(0.025, degreesOfFreedom: 10), -2.228138852, accuracy: 1e-8)
        XCTAssertEqual(StudentT.cdf(0, degreesOfFreedom: 7), 0.5, accuracy: 1e-14)
    }

    /// A confidence interval by hand: data 1…5, mean 3, s = √2.5, t(0.975, 4) = 2.776445.
    func testConfidenceIntervalByHand() {
        let interval = ConfidenceInterval([1, 2, 3, 4, 5], level: 0.95)
        XCTAssertEqual(interval.mean, 3)
        XCTAssertEqual(interval.halfWidth, 2.776445105 * 2.5.squareRoot() / 5.0.squareRoot(), accuracy: 1e-7)
        XCTAssertTrue(interval.contains(1.1))
        XCTAssertFalse(interval.contains(0.9))
        XCTAssertEqual(ConfidenceInterval([7], level: 0.95).halfWidth, .infinity)
    }

    /// 95% intervals over 10 normal observations cover the true mean in about 95% of 2,000
    /// experiments: the count is Binomial(2000, 0.95), sd 9.7, so [1900 − 45, 1900 + 45].
    func testConfidenceIntervalCoverage() {
        var rng = RandomStreams(seed: 8).stream(entity: "coverage", purpose: "normal")
        let law = Distribution.normal(mean: 3, sd: 2)
        var covered = 0
        for _ in 0..<2000 {
            let sample = (0..<10).map { _ in law.sample(&rng) }
            if ConfidenceInterval(sample, level: 0.95).contains(3) { covered += 1 }
        }
        XCTAssertTrue((1855...1945).contains(covered), "coverage \(covered) of 2000")
    }

    /// P² is exact up to five observations and close to the true quantile after many:
    /// for 10⁵ uniform draws the p95 estimate is within 0.005 of 0.95 (the sample quantile's own
    /// standard error is √(p(1−p)/n) ≈ 0.0007).
    func testP2Quantile() {
        var median = P2Quantile(p: 0.5)
        for value in [5.0, 1, 3] { median.record(value) }
        XCTAssertEqual(median.estimate, 3)
        var p95 = P2Quantile(p: 0.95)
        var rng = Xoshiro256StarStar(seed: 4)
        for _ in 0..<100_000 { p95.record(rng.nextUnit()) }
        XCTAssertEqual(p95.estimate!, 0.95, accuracy: 0.005)
        var exponentialMedian = P2Quantile(p: 0.5)
        let law = Distribution.exponential(mean: 1)
        for _ in 0..<100_000 { exponentialMedian.record(law.sample(&rng)) }
        XCTAssertEqual(exponentialMedian.estimate!, log(2.0), accuracy: 0.01)
    }

    /// Batch means: the number of batches stays within [k/2, k], and on independent normal data
    /// the interval is a valid t interval whose mean equals the mean of whole batches.
    func testBatchMeans() {
        var batches = BatchMeans(batchCount: 40)
        var rng = Xoshiro256StarStar(seed: 6)
        for index in 1...10_000 {
            batches.record(Distribution.normal(mean: 1, sd: 1).sample(&rng))
            if index >= 40 { XCTAssertTrue((20...40).contains(batches.means.count)) }
        }
        let interval = batches.confidenceInterval(level: 0.99)!
        XCTAssertTrue(interval.contains(1), "\(interval)")
        XCTAssertLessThan(interval.halfWidth, 0.1)
    }
}
