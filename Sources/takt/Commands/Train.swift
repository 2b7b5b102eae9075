import ArgumentParser
import Foundation
import TaktControl
import TaktExperiments
import TaktScenario

/// `takt train SCENARIO --policy learned_dispatch`: learns a dispatcher's weights in simulation
/// and writes them to a model file that `warm_start:` reads.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a learned dispatcher in simulation and write its model file.",
        discussion: """
            Runs a cross-entropy evolution strategy over the weights of the learned dispatcher's \
            observable features (docs/scheduling.md): each generation samples --population \
            candidates around the current mean, runs each on the same --replications training \
            replications (common random numbers) and recombines the best. Training \
            replications are numbered from 2^40 on, so they never coincide with the \
            replications `takt run` and `takt compare` evaluate on (0, 1, …) under the same seed.

            The model file (JSON) holds the weights, the feature names and the learning curve; \
            a scenario uses it with controllers: {scheduling: {policy: learned_dispatch, \
            warm_start: FILE}}. Results do not depend on --jobs.

            Examples:
              takt train scenarios/dynamic-job-shop.yaml --policy learned_dispatch \\
                  --budget 400 -o scenarios/data/dispatch-model.json
              takt train job-shop.yaml --policy learned_dispatch \\
                  --kpi flow_time_mean --generations 5
            """)

    @Argument(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(help: "What to train (learned_dispatch).")
    var policy: String

    @Option(help: "Train on this variant of the scenario.")
    var variant: String?

    @Option(help: "Simulation runs in all; sets the generations (default: --generations).")
    var budget: Int?

    @Option(help: "Generations of the evolution strategy.")
    var generations: Int = 10

    @Option(help: "Candidates per generation.")
    var population: Int = 8

    @Option(help: "Training replications per candidate and generation.")
    var replications: Int = 3

    @Option(help: "The KPI minimised (its name as in takt run --json).")
    var kpi: String = "tardiness_mean"

    @Option(help: "Master seed (default: the scenario's run.seed).")
    var seed: UInt64?

    @Option(help: "Runs at once, one thread each (default: all cores). Results do not depend on it.")
    var jobs: Int?

    @Option(name: [.short, .customLong("output")], help: "The model file to write (JSON).",
            completion: .file(extensions: ["json"]))
    var output: String

    @Flag(help: "Replace an existing model file.")
    var force = false

    func validate() throws {
        guard policy == "learned_dispatch" else {
            throw ValidationError("--policy: only learned_dispatch can be trained, got '\(policy)'")
        }
        if let budget, budget < (population + 2) * replications {
            throw ValidationError("--budget \(budget) is less than one generation: (population + 2) × replications "
                                      + "= \((population + 2) * replications) runs")
        }
        guard (1...10_000).contains(generations), (2...1_000).contains(population), (1...1_000).contains(replications)
        else { throw ValidationError("--generations 1–10000, --population 2–1000, --replications 1–1000") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    func run() throws {
        if !force, FileManager.default.fileExists(atPath: output) {
            throw InputError(message: "\(output) exists; pass --force to replace it")
        }
        let loaded = try ScenarioLoader.load(path: scenario, variant: variant)
        guard case .factory = loaded.model else { throw InputError(message: "train needs a factory scenario") }
        let count = budget.map { $0 / ((population + 2) * replications) } ?? generations
        let options = DispatchTraining.Options(
            generations: count, population: population, parents: max(1, population / 2), replications: replications,
            kpi: kpi, seed: seed ?? loaded.run.seed,
            threads: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            start: Self.startWeights(loaded))
        let bar = ProgressBar.forStandardError()
        let interrupts = InterruptHandler()
        let outcome: DispatchTraining.Outcome
        do {
            outcome = try DispatchTraining(scenario: loaded, options: options).run(stop: interrupts.signal) {
                bar?.draw(fraction: $0, events: 0, detail: "training")
            }
        } catch let error as TrainingError {
            bar?.finish()
            throw InputError(message: "\(scenario): \(error.message)")
        }
        bar?.finish()
        print("\(kpi) per generation (each on its own training replications; baseline = the scenario's own policy)")
        print("generation  baseline  mean weights  best candidate  population  spread")
        for g in outcome.curve {
            print(String(format: "%10d  %8.4g  %12.4g  %14.4g  %10.4g  %6.3f", g.index, g.baselineScore, g.meanScore,
                         g.bestScore, g.populationScore, g.spread))
        }
        for (name, weight) in zip(DispatchFeatures.names, outcome.weights.values) {
            print(String(format: "  %-18@ %+.4f", name as NSString, weight))
        }
        try OutputPath.write(try Self.modelFile(outcome, options: options, scenario: scenario, variant: variant),
                             to: output, option: "--output")
        print("Model file: \(output) (\(outcome.runs) runs; training replications \(outcome.trainingReplications))")
        if interrupts.signal.isRequested { throw ArgumentParser.ExitCode(130) }
    }

    /// The scenario's own learned-dispatch weights, to continue from.
    static func startWeights(_ scenario: Scenario) -> LearnedDispatch.Weights? {
        if case .learnedDispatch(let weights) = scenario.controllers.scheduling { return weights }
        return nil
    }

    /// The model file: weights, feature names and the learning curve.
    static func modelFile(_ outcome: DispatchTraining.Outcome, options: DispatchTraining.Options, scenario: String,
                          variant: String?) throws -> Data {
        let curve: [[String: Any]] = outcome.curve.map {
            ["generation": $0.index, "baseline_score": $0.baselineScore, "mean_score": $0.meanScore,
             "best_score": $0.bestScore,
             "population_score": $0.populationScore, "spread": $0.spread, "weights": $0.weights]
        }
        let file: [String: Any] = [
            "learned_dispatch": ["weights": outcome.weights.values],
            "features": DispatchFeatures.names,
            "training": [
                "scenario": scenario, "variant": variant ?? "base", "kpi": options.kpi, "seed": String(options.seed),
                "population": options.population, "parents": options.parents,
                "replications_per_candidate": options.replications, "runs": outcome.runs,
                "training_replications": [String(outcome.trainingReplications.lowerBound),
                                          String(outcome.trainingReplications.upperBound)],
                "curve": curve,
            ] as [String: Any],
        ]
        return try JSONSerialization.data(withJSONObject: file, options: [.prettyPrinted, .sortedKeys])
    }
}
