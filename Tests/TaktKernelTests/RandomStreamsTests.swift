import TaktKernel
import XCTest

final class RandomStreamsTests: XCTestCase {
    /// xoshiro256** matches the reference implementation (state 1, 2, 3, 4).
    func testXoshiroReferenceOutputs() {
        var rng = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let outputs = (0..<4).map { _ in rng.next() }
        XCTAssertEqual(outputs, [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    /// SplitMix64 matches its reference sequence for seed 1234567.
    func testSplitMixReferenceOutputs() {
        var mixer = SplitMix64(state: 1_234_567)
        let outputs = (0..<3).map { _ in mixer.next() }
        XCTAssertEqual(outputs, [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    /// A stream's draws depend only on the run seed and its names, not on other streams:
    /// creating streams for new entities before it changes nothing.
    func testAddingAnEntityLeavesOtherStreamsUnchanged() {
        let streams = RandomStreams(seed: 2026)
        var alone = streams.stream(entity: "press-1", purpose: "time-to-failure")
        let before = (0..<100).map { _ in alone.next() }

        var extra = streams.stream(entity: "press-2", purpose: "time-to-failure")
        _ = (0..<1000).map { _ in extra.next() }
        var again = streams.stream(entity: "press-1", purpose: "time-to-failure")
        XCTAssertEqual((0..<100).map { _ in again.next() }, before)
    }

    /// Different entities, purposes, seeds and replications give different streams.
    func testStreamsAreDistinct() {
        let streams = RandomStreams(seed: 1)
        let seeds: Set<UInt64> = [
            streams.streamSeed(entity: "a", purpose: "x"),
            streams.streamSeed(entity: "b", purpose: "x"),
            streams.streamSeed(entity: "a", purpose: "y"),
            RandomStreams(seed: 2).streamSeed(entity: "a", purpose: "x"),
            streams.replication(0).streamSeed(entity: "a", purpose: "x"),
            streams.replication(1).streamSeed(entity: "a", purpose: "x"),
            // entity/purpose are not concatenated, so these two do not collide
            streams.streamSeed(entity: "ab", purpose: "c"),
            streams.streamSeed(entity: "a", purpose: "bc"),
        ]
        XCTAssertEqual(seeds.count, 8)
    }

    /// Two streams of the same run are uncorrelated: the sample correlation of 100,000 paired
    /// uniforms lies within 4.5 standard errors (1/√n) of 0.
    func testStreamsAreUncorrelated() {
        let streams = RandomStreams(seed: 5)
        var first = streams.stream(entity: "m1", purpose: "service")
        var second = streams.stream(entity: "m2", purpose: "service")
        let n = 100_000
        var sumXY = 0.0, sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumYY = 0.0
        for _ in 0..<n {
            let x = first.nextUnit(), y = second.nextUnit()
            sumX += x; sumY += y; sumXY += x * y; sumXX += x * x; sumYY += y * y
        }
        let count = Double(n)
        let covariance = sumXY / count - sumX / count * sumY / count
        let correlation = covariance
            / ((sumXX / count - pow(sumX / count, 2)) * (sumYY / count - pow(sumY / count, 2))).squareRoot()
        XCTAssertLessThan(abs(correlation), 4.5 / count.squareRoot())
    }

    /// Unit draws stay in range; open-unit draws are never 0 (safe for log).
    func testUnitRanges() {
        var rng = Xoshiro256StarStar(seed: 0)
        for _ in 0..<100_000 {
            let u = rng.nextUnit()
            XCTAssertTrue(u >= 0 && u < 1)
            let v = rng.nextOpenUnit()
            XCTAssertTrue(v > 0 && v < 1)
        }
    }
}
