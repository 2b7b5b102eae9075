import Foundation
import TaktControl
import TaktExperiments
import TaktScenario
import XCTest

/// Rescheduling and the learned dispatcher from scenario files: on a small two-station shop with
/// deterministic times and tight due dates, replanning for total tardiness at every order is not
/// worse than the best of five classic rules; training is reproducible whatever the thread count
/// and never uses an evaluation replication.
final class ReschedulingComparisonTests: XCTestCase {
    static let shop = """
        name: Small shop for rescheduling
        run: {seed: 3, replications: 10, duration: 5 d, warm_up: 1 d}
        stations:
          cut: {}
          press: {}
        products:
          small:
            routing:
              - {station: cut, time: 3 min}
              - {station: press, time: 4 min}
          medium:
            routing:
              - {station: cut, time: 5 min}
              - {station: press, time: 10 min}
          large:
            routing:
              - {station: cut, time: 8 min}
              - {station: press, time: 22 min}
        orders:
          - name: customers
            interarrival: "exponential(mean: 13 min)"
            mix: {small: 1, medium: 1, large: 1}
            due_factor: 3
        variants:
          edd: {controllers: {scheduling: {policy: edd}}}
          spt: {controllers: {scheduling: {policy: spt}}}
          cr: {controllers: {scheduling: {policy: cr}}}
          atc: {controllers: {scheduling: {policy: "atc(k: 2)"}}}
          fifo: {controllers: {scheduling: {policy: fifo}}}
          rescheduling:
            controllers: {scheduling: {policy: rescheduling, objective: total_tardiness, iterations: 1000}}
          limited:
            controllers:
              scheduling: {policy: rescheduling, iterations: 300, max_replans_per_hour: 2, frozen_horizon: 10 min}
          learned:
            controllers: {scheduling: {policy: learned_dispatch, weights: {slack: 1}}}
          watched:
            controllers: {scheduling: {policy: fifo}}
            shadow: {scheduling: {policy: rescheduling, iterations: 200}}
          watched_learned:
            controllers: {scheduling: {policy: fifo}}
            shadow: {scheduling: {policy: learned_dispatch, weights: {slack: 1}}}
          deployed:
            controllers: {scheduling: {policy: fifo}}
            deploy: {at: 2 d, scheduling: {policy: rescheduling, iterations: 300}}

        """

    func scenario(_ variant: String?) throws -> Scenario {
        try ScenarioLoader.parse(Self.shop, file: "small-shop.yaml", variant: variant)
    }

    /// The best rule is chosen on the same replications as the comparison, which favours the
    /// rule; rescheduling must still not be worse by more than the paired 95% half-width.
    func testReschedulingIsNotWorseThanTheBestRule() throws {
        let rules = ["edd", "spt", "cr", "atc", "fifo"]
        let outcome = try Comparison(scenarios: try (["rescheduling"] + rules).map(scenario), replications: 10,
                                     recording: .kpisOnly).run()
        let rows = rules.compactMap { rule in outcome.differences(of: rule).first { $0.kpi == "tardiness_mean" } }
        XCTAssertEqual(rows.count, rules.count)
        let best = try XCTUnwrap(rows.min { $0.meanB < $1.meanB })
        print("tardiness: rescheduling \(best.meanA) min, best rule \(best.variantB) \(best.meanB) min, "
              + "difference \(best.meanA - best.meanB) ± \(best.differenceHalfWidth)")
        XCTAssertLessThanOrEqual(best.meanA - best.meanB, best.differenceHalfWidth)
        let fifo = try XCTUnwrap(rows.first { $0.variantB == "fifo" })
        XCTAssertGreaterThan(fifo.difference, fifo.differenceHalfWidth,
                             "FIFO is clearly later (difference = rule − rescheduling)")
        let kpis = Dictionary(uniqueKeysWithValues: outcome.variants[0].results[0].kpis.map { ($0.name, $0.value) })
        let replans = try XCTUnwrap(kpis["rescheduling.replans"])
        let arrivals = try XCTUnwrap(kpis["rescheduling.trigger_arrival"])
        XCTAssertGreaterThan(replans, 300, "about one plan per order over 5 days")
        XCTAssertLessThanOrEqual(replans, arrivals + 1)
        XCTAssertGreaterThan(kpis["rescheduling.work_per_plan"] ?? 0, 0)
    }

    /// The replanning limit holds: at most 2 plans in any hour, so at most 2 × 120 + 1 in 5 days.
    func testReplanningLimitHolds() throws {
        let result = try Experiment(scenario: try scenario("limited"), replications: 1).runReplication(0)
        let kpis = Dictionary(uniqueKeysWithValues: result.kpis.map { ($0.name, $0.value) })
        XCTAssertLessThanOrEqual(try XCTUnwrap(kpis["rescheduling.replans"]), 2 * 120 + 1)
        XCTAssertGreaterThan(try XCTUnwrap(kpis["rescheduling.deferred"]), 0)
        XCTAssertGreaterThan(try XCTUnwrap(kpis["rescheduling.frozen_operations"]), 0)
    }

    /// Training: the same outcome on 1 and 2 threads, training replications at 2⁴⁰ and beyond
    /// (evaluation uses 0…), and a learning curve with one entry per generation.
    func testTrainingIsReproducibleAndDisjointFromEvaluation() throws {
        let base = try scenario("learned")
        func train(threads: Int) throws -> DispatchTraining.Outcome {
            try DispatchTraining(scenario: base, options: .init(generations: 2, population: 4, parents: 2,
                                                                 replications: 1, seed: 5, threads: threads)).run()
        }
        let one = try train(threads: 1), two = try train(threads: 2)
        XCTAssertEqual(one.weights, two.weights)
        XCTAssertEqual(one.curve, two.curve)
        XCTAssertEqual(one.curve.count, 2)
        XCTAssertEqual(one.runs, 2 * 6)
        XCTAssertGreaterThanOrEqual(one.trainingReplications.lowerBound, DispatchTraining.firstTrainingReplication)
        XCTAssertLessThan(InputLimits.mostReplications, DispatchTraining.firstTrainingReplication)
        XCTAssertNotEqual(one.weights, LearnedDispatch.Weights.shortestFirst, "the mean moved")
        for generation in one.curve { XCTAssertTrue(generation.bestScore <= generation.populationScore) }
    }

    /// In shadow, both new policies decide but change nothing; deployed mid-run, rescheduling
    /// takes over and changes the outcome.
    func testShadowAndDeployModes() throws {
        let outcome = try Comparison(scenarios: try ["fifo", "watched", "watched_learned", "deployed"].map(scenario),
                                     replications: 2, recording: .kpisOnly).run()
        for shadow in ["watched", "watched_learned"] {
            let rows = outcome.differences(of: shadow)
            XCTAssertGreaterThan(rows.count, 10)
            for row in rows { XCTAssertEqual(row.difference, 0, "\(shadow): \(row.kpi) changed under a shadow") }
            let kpis = outcome.variants.first { $0.name == shadow }!.results[0].kpis
            let agreement = try XCTUnwrap(kpis.first { $0.name == "shadow.scheduling.agreement" }?.value)
            XCTAssertGreaterThan(agreement, 0)
            XCTAssertLessThan(agreement, 100, "\(shadow) disagrees with FIFO somewhere")
        }
        let deployed = try XCTUnwrap(outcome.differences(of: "deployed").first { $0.kpi == "tardiness_mean" })
        XCTAssertNotEqual(deployed.difference, 0, "the deployed rescheduler changes what happens after 2 d")
        let kpis = outcome.variants.first { $0.name == "deployed" }!.results[0].kpis
        XCTAssertGreaterThan(try XCTUnwrap(kpis.first { $0.name == "rescheduling.replans" }?.value), 0)
    }
}
