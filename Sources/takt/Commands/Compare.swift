import ArgumentParser
import Foundation
import TaktExperiments
import TaktScenario

/// `takt compare SCENARIO`: runs variants of a scenario with common random numbers and prints
/// their paired differences per KPI.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare variants of a scenario: paired differences of KPIs under common random numbers.",
        discussion: """
            Runs each variant's replications with the same seed and replication indices, so \
            replication r of every variant draws the same random numbers for the same entities \
            and purposes (common random numbers). For each KPI it prints each variant's mean ± \
            half-width, the mean difference (variant − reference) with its paired-t confidence \
            interval over replications, the relative change, and a * where the interval excludes 0.

            Variants: `base` is the scenario without overlay; other names are those under \
            `variants:` in the file. The first named is the reference; each other variant is \
            compared with it. Without --variants: `baseline` (or, if the file declares no \
            variant of that name, `base`) against the first other declared variant.

            Results do not depend on --jobs. The result file holds every variant's runs, their \
            summaries and the comparison table (/summary/comparison; docs/hdf5-layout.md). \
            --independent-streams gives each variant its own seed instead, to see what common \
            random numbers buy. A progress bar is shown on standard error when it is a terminal.

            Examples:
              takt compare scenarios/job-shop.yaml --variants base,third_lathe
              takt compare scenarios/two-shifts.yaml --warmup '3 d' --json > cmp.json
              takt compare scenarios/job-shop.yaml --replications 40 --jobs 4
              takt compare job-shop.yaml --variants base,edd_everywhere,third_lathe
              takt compare scenarios/job-shop.yaml --out results/cmp.h5 \\
                  --report results/cmp.html
            """)

    @Argument(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(help: "Variants to compare, comma-separated, the reference first (base = the scenario without overlay).")
    var variants: String?

    @Option(help: "Replications per variant (default: the scenario's run.replications).")
    var replications: Int?

    @Option(help: "Warm-up for every variant, with a unit, e.g. '8 h' (default: the scenario's run.warm_up).")
    var warmup: String?

    @Option(help: "Replications run at once, one thread each (default: all cores). Results do not depend on it.")
    var jobs: Int?

    @Option(help: "Master seed (default: the scenario's run.seed).")
    var seed: UInt64?

    @Flag(help: "Print the comparison as JSON on standard output instead of a table.")
    var json = false

    @Flag(help: "Give each variant its own random streams (to measure what common random numbers buy).")
    var independentStreams = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let replications, !(1...InputLimits.mostReplications).contains(replications) {
            throw ValidationError("--replications must be from 1 to \(InputLimits.mostReplications), got "
                                      + "\(replications)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    func run() throws {
        let base = try ScenarioLoader.load(path: scenario)
        var comparison = try CompareSetup.comparison(
            base: base, variants: variants, replications: replications, seed: seed, jobs: jobs, warmup: warmup,
            streams: independentStreams ? .independent : .common)
        comparison.recording = try output.recording(for: comparison.scenarios[0])
        try output.checkReport()
        let interrupts = InterruptHandler()
        comparison.stop = interrupts.signal
        if let file = try output.path(for: CompareSetup.naming(base, comparison.variantNames)) {
            do {
                comparison.recorder = try ComparisonRecorder(path: file, comparison: comparison,
                                                             taktVersion: Takt.version,
                                                             gitCommit: ResultOutput.gitCommit(),
                                                             compress: output.compression == "gzip",
                                                             replacing: output.force)
            } catch {
                throw InputError(message: "cannot create the result file \(file): \(error)")
            }
        }
        let bar = ProgressBar.forStandardError()
        var report: (@Sendable (ProgressReport) -> Void)?
        if let bar { report = { bar.update($0) } }
        let result: ComparisonOutcome
        do {
            result = try comparison.run(progress: report)
        } catch {
            bar?.finish()
            comparison.recorder?.abandon()
            let kept = comparison.recorder.map { "; " + $0.keptPartialNote } ?? ""
            throw RunError(message: "the comparison failed: \(error)\(kept)")
        }
        bar?.finish()
        let resultFile = comparison.recorder?.finalPath
        if json {
            print(try CompareJSON.encode(result, scenarioFile: scenario, resultFile: resultFile))
        } else {
            print(CompareTable.render(result, scenarioFile: scenario))
            if let resultFile { print("Result file: \(resultFile)\(result.interrupted ? " (interrupted)" : "")") }
        }
        try output.writeReport(of: resultFile, json: json)
        if result.interrupted { throw ArgumentParser.ExitCode(130) }
    }
}
