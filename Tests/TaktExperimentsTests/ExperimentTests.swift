import TaktExperiments
import TaktScenario
import XCTest

final class ExperimentTests: XCTestCase {
    let text = """
        name: small queue
        run:
          seed: 3
          replications: 6
        queue:
          servers: 2
          interarrival: "exponential(rate: 1.5 /min)"
          service: "exponential(mean: 1 min)"
          customers: 20000
          warm_up_customers: 2000
        """

    /// Results are bit-identical whatever the number of threads (replications are keyed by index).
    func testResultsDoNotDependOnThreadCount() throws {
        let scenario = try ScenarioLoader.parse(text, file: "inline.yaml")
        let one = try Experiment(scenario: scenario, threads: 1).run()
        let two = try Experiment(scenario: scenario, threads: 2).run()
        let values = { (result: ExperimentResult) in result.results.map { $0.kpis.map(\.value.bitPattern) } }
        XCTAssertEqual(values(one), values(two))
        XCTAssertEqual(one.results.map(\.seed), two.results.map(\.seed))
        XCTAssertEqual(Set(one.results.map(\.seed)).count, 6, "each replication has its own streams")
    }

    /// A replication run alone equals the same replication inside the experiment.
    func testReplicationIsReproducibleAlone() throws {
        let scenario = try ScenarioLoader.parse(text, file: "inline.yaml")
        let experiment = Experiment(scenario: scenario)
        let all = try experiment.run()
        let fourth = try experiment.runReplication(3)
        XCTAssertEqual(fourth.kpis.map(\.value), all.results[3].kpis.map(\.value))
    }

    /// The M/M/2 example (CASES.md §2: λ = 1.5, μ = 1, Wq = 9/7 min) lies inside a 99% interval.
    func testKPIsAgreeWithTheory() throws {
        var scenario = try ScenarioLoader.parse(text, file: "inline.yaml")
        scenario.run.confidenceLevel = 0.99
        let result = try Experiment(scenario: scenario, replications: 10).run()
        let wait = try XCTUnwrap(result.summaries.first { $0.name == "wait_in_queue_mean" })
        XCTAssertEqual(try XCTUnwrap(wait.theory), 9.0 / 7, accuracy: 1e-12)
        XCTAssertTrue(wait.interval.contains(9.0 / 7), "\(wait.interval)")
    }
}
