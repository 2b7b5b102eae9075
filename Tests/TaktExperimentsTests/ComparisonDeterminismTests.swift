import TaktExperiments
import TaktScenario
import XCTest

/// A comparison's numbers do not depend on the number of worker threads, in either stream mode;
/// under independent streams the reference keeps its own numbers and the others change.
final class ComparisonDeterminismTests: XCTestCase {
    func bits(_ outcome: ComparisonOutcome) -> [[UInt64]] {
        outcome.variants.flatMap { variant in variant.results.map { $0.kpis.map(\.value.bitPattern) + [$0.seed] } }
            + outcome.differences.map { row in
                [row.meanA, row.halfWidthA, row.meanB, row.halfWidthB, row.difference, row.differenceHalfWidth,
                 row.differenceStandardDeviation, row.relativeChange ?? .nan].map(\.bitPattern)
            }
    }

    func testResultsDoNotDependOnJobs() throws {
        let scenarios = try ComparisonTestLine.variants(["base", "same", "faster_mill"])
        for streams in [ComparisonStreams.common, .independent] {
            let one = try Comparison(scenarios: scenarios, replications: 5, threads: 1, streams: streams).run()
            let two = try Comparison(scenarios: scenarios, replications: 5, threads: 2, streams: streams).run()
            XCTAssertEqual(one.threads, 1)
            XCTAssertEqual(two.threads, 2)
            XCTAssertEqual(bits(one), bits(two), "\(streams)")
            XCTAssertEqual(one.differences.count, two.differences.count)
            XCTAssertEqual(Set(one.differences.map(\.variantB)), ["same", "faster_mill"])
        }
    }

    func testIndependentStreamsKeepTheReference() throws {
        let scenarios = try ComparisonTestLine.variants(["base", "faster_mill"])
        let common = try Comparison(scenarios: scenarios, replications: 3).run()
        let independent = try Comparison(scenarios: scenarios, replications: 3, streams: .independent).run()
        let values = { (variant: VariantOutcome) in variant.results.map { $0.kpis.map(\.value.bitPattern) } }
        XCTAssertEqual(values(common.variants[0]), values(independent.variants[0]))
        XCTAssertNotEqual(values(common.variants[1]), values(independent.variants[1]))
        XCTAssertEqual(common.variants.map(\.seed), [1, 1])
        XCTAssertEqual(independent.variants[0].seed, 1)
        XCTAssertNotEqual(independent.variants[1].seed, 1)
    }

    /// A warm-up override replaces every variant's and changes the numbers; one as long as the
    /// run is refused.
    func testWarmUpOverride() throws {
        let scenarios = try ComparisonTestLine.variants(["base", "faster_mill"])
        let own = try Comparison(scenarios: scenarios, replications: 2).run()
        let longer = try Comparison(scenarios: scenarios, replications: 2, warmUp: 5 * 86_400).run()
        XCTAssertEqual(own.warmUp, 2 * 86_400)
        XCTAssertEqual(longer.warmUp, 5 * 86_400)
        XCTAssertNotEqual(own.variants[0].results[0].kpis.first { $0.name == "finished_jobs" }?.value,
                          longer.variants[0].results[0].kpis.first { $0.name == "finished_jobs" }?.value)
        XCTAssertThrowsError(try Comparison(scenarios: scenarios, warmUp: 20 * 86_400).validate())
        XCTAssertThrowsError(try Comparison(scenarios: scenarios, warmUp: -1).validate())
    }
}
