import Foundation
import TaktExperiments
import TaktKernel
import TaktScenario
import XCTest

/// The scheduling seam from scenario files, through `compare`: the optimiser's plan against the
/// best rule on the job shop with known orders, and a shadow scheduler that changes nothing.
final class SchedulingComparisonTests: XCTestCase {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scenarios/job-shop-plan.yaml").standardized.path

    func compare(_ variants: [String?], replications: Int, text: String? = nil) throws -> ComparisonOutcome {
        let source = try text ?? String(contentsOfFile: Self.example, encoding: .utf8)
        let scenarios = try variants.map { try ScenarioLoader.parse(source, file: Self.example, variant: $0) }
        return try Comparison(scenarios: scenarios, replications: replications, recording: .kpisOnly).run()
    }

    /// With ±10% operation times, keeping to the optimiser's plan still finishes the ten orders
    /// sooner than SPT (the best rule on the standard times): the paired 95% interval of the
    /// makespan difference lies below zero. The plan itself is between the optimum (930) and
    /// SPT's static makespan (1,074).
    func testOptimiserPlanBeatsTheBestRuleOnMakespan() throws {
        let outcome = try compare([nil, "optimiser"], replications: 5)
        let makespan = try XCTUnwrap(outcome.differences(of: "optimiser").first { $0.kpi == "makespan" })
        print("makespan: spt \(makespan.meanA) min, optimiser \(makespan.meanB) min, difference "
                  + "\(makespan.difference) ± \(makespan.differenceHalfWidth)")
        XCTAssertTrue(makespan.significant)
        XCTAssertLessThan(makespan.difference + makespan.differenceHalfWidth, 0)
        let kpis = Dictionary(outcome.variants[1].results[0].kpis.map { ($0.name, $0.value) }) { a, _ in a }
        let plan = try XCTUnwrap(kpis["optimiser.plan_makespan"])
        XCTAssertGreaterThanOrEqual(plan, 930)
        XCTAssertLessThan(plan, 1074)
        XCTAssertEqual(kpis["optimiser.best_rule_makespan"], 1074)
        XCTAssertEqual(kpis["scheduling.rejected"], 0)
    }

    /// A shadow optimiser decides but changes nothing: every KPI both runs report is equal, and
    /// its agreement with the active rule is reported.
    func testShadowSchedulerChangesNothing() throws {
        var text = try String(contentsOfFile: Self.example, encoding: .utf8)
        text += "  watched:\n    shadow: {scheduling: {policy: optimiser, iterations: 20000}}\n"
        let outcome = try compare([nil, "watched"], replications: 2, text: text)
        let rows = outcome.differences(of: "watched")
        XCTAssertGreaterThan(rows.count, 20)
        for row in rows { XCTAssertEqual(row.difference, 0, "\(row.kpi) changed under a shadow scheduler") }
        let agreement = try XCTUnwrap(outcome.variants[1].results[0].kpis
            .first { $0.name == "shadow.scheduling.agreement" })
        XCTAssertGreaterThan(agreement.value, 0)
        XCTAssertLessThan(agreement.value, 100)
    }
}
