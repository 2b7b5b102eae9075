import Foundation
import TaktExperiments
import TaktKernel
import TaktScenario
import XCTest

/// The maintenance controllers on the press-fleet example, compared with common random numbers.
final class MaintenanceControllerTests: XCTestCase {
    static let fleet = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scenarios/fleet-maintenance.yaml").standardized.path

    func compare(_ variants: [String?], replications: Int = 5, text: String? = nil) throws -> ComparisonOutcome {
        let source = try text ?? String(contentsOfFile: Self.fleet, encoding: .utf8)
        let scenarios = try variants.map { try ScenarioLoader.parse(source, file: Self.fleet, variant: $0) }
        return try Comparison(scenarios: scenarios, replications: replications, recording: .kpisOnly).run()
    }

    /// Predictive maintenance cuts downtime against run-to-failure: the paired 95% interval of the
    /// difference lies below zero (5 replications, common random numbers).
    func testPredictiveMaintenanceBeatsRunToFailureOnDowntime() throws {
        let outcome = try compare([nil, "ai"])
        let downtime = try XCTUnwrap(outcome.differences(of: "ai").first { $0.kpi == "downtime" })
        print("downtime: run to failure \(downtime.meanA) h, predictive \(downtime.meanB) h, difference "
                  + "\(downtime.difference) ± \(downtime.differenceHalfWidth)")
        XCTAssertTrue(downtime.significant)
        XCTAssertLessThan(downtime.difference + downtime.differenceHalfWidth, 0)
    }

    /// A shadow controller decides but changes nothing: every KPI the two runs share is exactly
    /// equal (its warnings are scored, not acted on).
    func testShadowControllerChangesNothing() throws {
        let outcome = try compare([nil, "ai_shadow"], replications: 2)
        let rows = outcome.differences(of: "ai_shadow")
        XCTAssertGreaterThan(rows.count, 20)
        for row in rows { XCTAssertEqual(row.difference, 0, "\(row.kpi) changed under a shadow controller") }
        let shadowKPIs = outcome.variants[1].results[0].kpis.filter { $0.name.hasPrefix("shadow.predictive.") }
        XCTAssertFalse(shadowKPIs.isEmpty)
        let warnings = try XCTUnwrap(shadowKPIs.first { $0.name == "shadow.predictive.warnings" })
        XCTAssertGreaterThan(warnings.value, 0)
    }

    /// Deployment mid-run: the KPIs of the window before (run to failure) and after (predictive
    /// maintenance, past a one-day transition) are reported apart; the share of time presses are
    /// down falls after the deployment in every replication.
    func testDeploymentReportsWindowsBeforeAndAfter() throws {
        var text = try String(contentsOfFile: Self.fleet, encoding: .utf8)
        text += """
          deployed:
            deploy:
              at: 40 d
              transition: 1 d
              maintenance: {policy: predictive, sensor: vibration, horizon: 12 h, duration: 90 min}

        """
        let scenario = try ScenarioLoader.parse(text, file: Self.fleet, variant: "deployed")
        let result = try Experiment(scenario: scenario, replications: 3).run()
        for replication in result.results {
            let kpis = Dictionary(replication.kpis.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            let before = try XCTUnwrap(kpis["before.down.press"]), after = try XCTUnwrap(kpis["down.press"])
            XCTAssertLessThan(after, before,
                              "replication \(replication.replication): down share before \(before)%, after \(after)%")
            XCTAssertNotNil(kpis["predictive.warnings"], "the deployed controller reports under its own name")
            XCTAssertNil(kpis["shadow.predictive.warnings"],
                         "after the deployment the predictive controller is active, not a shadow")
        }
    }
}
