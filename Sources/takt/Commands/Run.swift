import ArgumentParser
import Foundation
import TaktExperiments
import TaktScenario

/// `takt run [SCENARIO]`: runs a scenario's replications and prints its KPIs.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario and print its KPIs with confidence intervals.",
        discussion: """
            Runs the scenario's replications on all cores (each with its own random streams, \
            derived from the seed) and prints one row per KPI: the mean over replications, the \
            half-width of its confidence interval and, where theory gives one, the exact value. \
            Without a SCENARIO, runs the default one (\(ScenarioLocator.defaultScenario)). A \
            progress bar is shown on standard error when it is a terminal.

            Examples:
              takt run
              takt run scenarios/queue-mm5.yaml --replications 20 --seed 7
              takt run scenarios/queue-mm5.yaml --json > results/mm5.json
            """)

    @Argument(help: "The scenario file (YAML). Default: \(ScenarioLocator.defaultScenario).")
    var scenario: String?

    @OptionGroup var options: RunOptions

    func run() throws {
        let path = try scenario ?? ScenarioLocator.findDefault()
        let loaded = try ScenarioLoader.load(path: path)
        let experiment = Experiment(scenario: loaded, replications: options.replications,
                                    seed: options.seed, threads: options.threads)
        let bar = ProgressBar.forStandardError()
        var report: (@Sendable (ProgressReport) -> Void)?
        if let bar { report = { bar.update($0) } }
        let result = experiment.run(progress: report)
        bar?.finish()
        if options.json {
            print(try ResultJSON.encode(result, scenarioFile: path))
        } else {
            print(KPITable.render(result, scenarioFile: path))
        }
    }
}
