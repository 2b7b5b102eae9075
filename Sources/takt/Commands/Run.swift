import ArgumentParser
import Foundation
import TaktExperiments
import TaktFactory
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

            A classic job-shop instance in OR-Library format (a .txt file) runs as a \
            deterministic non-delay schedule under the dispatching rule given with --rule.

            Examples:
              takt run
              takt run scenarios/flow-line.yaml --replications 20 --seed 7
              takt run scenarios/job-shop.yaml --variant edd_everywhere --json \\
                  > results/edd.json
              takt run scenarios/job-shop.yaml --gantt results/job-shop.svg
              takt run ft10.txt --rule mwkr --gantt results/ft10.svg
              takt run scenarios/flow-line.yaml --out results/line.h5 --record all \\
                  --sample '10 min'
              takt run scenarios/flow-line.yaml --out results/line.h5 \\
                  --report results/line.html
            """)

    @Argument(help: """
        The scenario file (YAML), or a job-shop instance (OR-Library .txt). Default: \
        \(ScenarioLocator.defaultScenario).
        """, completion: .file(extensions: ["yaml", "yml", "txt", "jsp"]))
    var scenario: String?

    @Option(help: "Run this variant of the scenario (see `takt validate` for the names).")
    var variant: String?

    @Option(help: """
        Dispatching rule for a job-shop instance: fifo, spt, lpt, edd, cr, mwkr, mopnr, lor, srpt, priority, atc(k=2).
        """)
    var rule: String?

    @Option(help: "Write a Gantt chart (SVG) of replication 0 to this file.", completion: .file(extensions: ["svg"]))
    var gantt: String?

    @Option(name: .customLong("save-models"),
            help: """
                Save what the controllers of replication 0 learned (JSON) to this file, to warm-start a later run \
                (warm_start: FILE).
                """,
            completion: .file(extensions: ["json"]))
    var saveModels: String?

    @OptionGroup var options: RunOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let path = try scenario ?? ScenarioLocator.findDefault()
        var loaded = try ScenarioSource.load(path: path, variant: variant, rule: rule)
        let seed = options.seed ?? loaded.run.seed
        let replications = options.replications ?? loaded.run.replications
        loaded.run.seed = seed
        loaded.run.replications = replications
        if let maxEvents = options.maxEvents { loaded.run.maxEvents = maxEvents }
        let recording = try output.recording(for: loaded)
        if let gantt {
            guard case .factory = loaded.model else {
                throw InputError(message: "--gantt needs a factory scenario or a job-shop instance")
            }
            try OutputPath.check(gantt, option: "--gantt", force: output.force)
        }
        if let saveModels { try OutputPath.check(saveModels, option: "--save-models", force: output.force) }
        try output.checkReport()
        let interrupts = InterruptHandler()
        var recorder: HDF5Recorder?
        if let file = try output.path(for: loaded) {
            do {
                recorder = try HDF5Recorder(path: file, scenario: loaded, seed: seed, replications: replications,
                                            taktVersion: Takt.version, gitCommit: ResultOutput.gitCommit(),
                                            compress: output.compression == "gzip", replacing: output.force)
            } catch {
                throw InputError(message: "cannot create the result file \(file): \(error)")
            }
        }
        let experiment = Experiment(scenario: loaded, replications: replications, seed: seed,
                                    threads: options.concurrency, keepGantt: gantt != nil, recording: recording,
                                    recorder: recorder, stop: interrupts.signal)
        let bar = ProgressBar.forStandardError()
        var report: (@Sendable (ProgressReport) -> Void)?
        if let bar { report = { bar.update($0) } }
        let result: ExperimentResult
        do {
            result = try experiment.run(progress: report)
        } catch {
            bar?.finish()
            recorder?.abandon()
            throw RunError(message: "the run failed: \(error)\(recorder.map { "; " + $0.keptPartialNote } ?? "")")
        }
        bar?.finish()
        if let gantt {
            try GanttFile.write(result, scenario: loaded, to: gantt)
        }
        if let saveModels { try LearnedModelFile.write(result, to: saveModels) }
        if options.json {
            print(try ResultJSON.encode(result, scenarioFile: path, resultFile: recorder?.finalPath))
        } else {
            print(KPITable.render(result, scenarioFile: path))
            if let recorder { print("Result file: \(recorder.finalPath)\(result.interrupted ? " (interrupted)" : "")") }
        }
        try output.writeReport(of: recorder?.finalPath, json: options.json)
        if result.interrupted { throw ArgumentParser.ExitCode(130) }
    }
}
