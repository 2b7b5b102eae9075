import Foundation
import TaktControl
import TaktFactory
import TaktKernel
import TaktScenario

/// Trains a `LearnedDispatch` in simulation: a cross-entropy evolution strategy (a diagonal
/// Gaussian over the weights; each generation samples a population, runs every candidate on the
/// same training replications — common random numbers, so candidates differ only by their
/// choices — and moves the mean to the weighted recombination of the best; Rubinstein and
/// Kroese 2004, with CMA-ES's recombination weights).
///
/// Training replications are numbered from `firstTrainingReplication` (2⁴⁰) on, generation g
/// using its own block, so with the same master seed they never coincide with the replications
/// 0, 1, … that `takt run` and `takt compare` evaluate on: replication streams are a bijection
/// of the index. The result depends only on the scenario, the seed and the options, never on
/// the thread count.
public struct DispatchTraining: Sendable {
    /// How to train.
    public struct Options: Sendable, Equatable {
        /// Generations of the strategy.
        public var generations: Int
        /// Candidates sampled per generation (λ).
        public var population: Int
        /// Candidates recombined into the next mean (μ).
        public var parents: Int
        /// Training replications each candidate runs per generation.
        public var replications: Int
        /// The KPI minimised (its mean over the replications), e.g. `tardiness_mean`.
        public var kpi: String
        /// Initial standard deviation of every weight.
        public var initialSpread: Double
        /// Master seed (replication streams) and the strategy's own sampling stream.
        public var seed: UInt64
        /// Worker threads.
        public var threads: Int
        /// The mean the search starts from (nil: SPT).
        public var start: LearnedDispatch.Weights?

        /// Options with the documented defaults.
        /// - Parameters:
        ///   - generations: Generations of the strategy.
        ///   - population: Candidates per generation.
        ///   - parents: Candidates recombined.
        ///   - replications: Training replications per candidate and generation.
        ///   - kpi: The KPI minimised.
        ///   - initialSpread: Initial standard deviation of every weight.
        ///   - seed: Master seed.
        ///   - threads: Worker threads.
        ///   - start: Starting weights, or nil for SPT.
        public init(generations: Int = 10, population: Int = 8, parents: Int = 4, replications: Int = 3,
                    kpi: String = "tardiness_mean", initialSpread: Double = 1, seed: UInt64 = 1, threads: Int = 1,
                    start: LearnedDispatch.Weights? = nil) {
            precondition(generations >= 1 && population >= 2 && (1...population).contains(parents)
                         && replications >= 1 && initialSpread > 0 && threads >= 1, "invalid training options")
            self.generations = generations
            self.population = population
            self.parents = parents
            self.replications = replications
            self.kpi = kpi
            self.initialSpread = initialSpread
            self.seed = seed
            self.threads = threads
            self.start = start
        }
    }

    /// One generation of the learning curve.
    public struct Generation: Sendable, Equatable {
        /// 0-based generation.
        public var index: Int
        /// The KPI of the mean weights the generation started from, on its training replications.
        public var meanScore: Double
        /// The KPI of the scenario's own scheduling policy on the same replications (the curve's
        /// reference: replications differ between generations, so compare each score with it).
        public var baselineScore: Double
        /// The best candidate's KPI, and the population's average.
        public var bestScore: Double
        public var populationScore: Double
        /// The average standard deviation of the weights after the update.
        public var spread: Double
        /// The mean weights after the update.
        public var weights: [Double]
    }

    /// What training produced.
    public struct Outcome: Sendable {
        /// The learned weights (the final mean).
        public var weights: LearnedDispatch.Weights
        /// The learning curve.
        public var curve: [Generation]
        /// The training replication indices used.
        public var trainingReplications: Range<Int>
        /// Simulation runs made.
        public var runs: Int
    }

    /// The first training replication index: evaluation uses indices below it.
    public static let firstTrainingReplication = 1 << 40

    public let scenario: Scenario
    public let options: Options

    /// Training on `scenario` (a factory scenario; its own scheduling policy is replaced by each
    /// candidate).
    /// - Parameters:
    ///   - scenario: The scenario to train on.
    ///   - options: How to train.
    public init(scenario: Scenario, options: Options) {
        self.scenario = scenario
        self.options = options
    }

    /// Runs the training; `progress` gets the fraction of runs done.
    /// - Parameters:
    ///   - stop: Checked between runs: a request ends training after the current generation's runs.
    ///   - progress: Called with the fraction of runs done (from worker threads).
    /// - Returns: The learned weights and the learning curve.
    /// - Throws: `TrainingError` when the KPI is missing, or a run's error.
    public func run(stop: StopSignal? = nil, progress: (@Sendable (Double) -> Void)? = nil) throws -> Outcome {
        let dimension = DispatchFeatures.count
        var mean = (options.start ?? .shortestFirst).values
        var spread = Array(repeating: options.initialSpread, count: dimension)
        var random = Xoshiro256StarStar(seed: RandomStreams(seed: options.seed)
            .streamSeed(entity: "learned-dispatch", purpose: "training"))
        let ranks = (0..<options.parents).map { log(Double(options.parents) + 0.5) - log(Double($0) + 1) }
        let recombination = ranks.map { $0 / ranks.reduce(0, +) }
        var curve: [Generation] = []
        let perGeneration = (options.population + 2) * options.replications
        let total = perGeneration * options.generations
        let done = Counter()
        for g in 0..<options.generations {
            if stop?.isRequested ?? false { break }
            let candidates: [[Double]?] = [mean] + (0..<options.population).map { _ in
                (0..<dimension).map { mean[$0] + spread[$0] * Distribution.standardNormal(&random) }
            } + [nil]
            let first = Self.firstTrainingReplication + g * options.replications
            let scores = try evaluate(candidates, replications: first..<(first + options.replications)) {
                progress?(Double(done.add()) / Double(total))
            }
            let population = Array(scores.dropFirst().dropLast())
            let order = population.indices.sorted { (population[$0], $0) < (population[$1], $1) }
            let chosen = order.prefix(options.parents).map { candidates[$0 + 1]! }
            let old = mean
            mean = (0..<dimension).map { i in zip(recombination, chosen).reduce(0) { $0 + $1.0 * $1.1[i] } }
            spread = (0..<dimension).map { i in
                let variance = zip(recombination, chosen).reduce(0) { $0 + $1.0 * pow($1.1[i] - old[i], 2) }
                return max(1e-3 * options.initialSpread, 0.3 * spread[i] + 0.7 * variance.squareRoot())
            }
            curve.append(Generation(index: g, meanScore: scores[0], baselineScore: scores.last!,
                                    bestScore: population[order[0]],
                                    populationScore: population.reduce(0, +) / Double(population.count),
                                    spread: spread.reduce(0, +) / Double(dimension), weights: mean))
        }
        let last = Self.firstTrainingReplication + curve.count * options.replications
        return Outcome(weights: LearnedDispatch.Weights(mean), curve: curve,
                       trainingReplications: Self.firstTrainingReplication..<last, runs: curve.count * perGeneration)
    }

    /// The KPI of each candidate (nil: the scenario's own policy), averaged over `replications`
    /// (the same for all of them).
    func evaluate(_ candidates: [[Double]?], replications: Range<Int>, finished: @escaping @Sendable () -> Void) throws
        -> [Double] {
        let count = replications.count
        let kpi = options.kpi
        let base = scenario
        let seed = options.seed
        let (values, error) = ParallelTasks.run(count: candidates.count * count, threads: options.threads,
                                                stop: nil) { task, _ -> Double in
            var trial = base
            if let weights = candidates[task / count] {
                trial.controllers.scheduling = .learnedDispatch(LearnedDispatch.Weights(weights))
            }
            let result = try Experiment(scenario: trial, replications: 1, seed: seed, threads: 1)
                .runReplication(replications.lowerBound + task % count)
            finished()
            guard let value = result.kpis.first(where: { $0.name == kpi })?.value else {
                throw TrainingError(message: "the scenario has no KPI '\(kpi)'; KPIs: "
                                        + result.kpis.map(\.name).prefix(12).joined(separator: ", "))
            }
            return value
        }
        if let error { throw error }
        return candidates.indices.map { c in
            (0..<count).reduce(0) { $0 + values[c * count + $1]! } / Double(count)
        }
    }
}

/// A training that cannot run (a KPI the scenario lacks).
public struct TrainingError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public var message: String
    public var description: String { message }
}

/// A thread-safe counter of finished runs.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func add() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
