import Foundation
import TaktExperiments
import TaktScenario

/// Turns `takt compare`'s options into a `Comparison`, with input errors as `InputError`.
enum CompareSetup {
    static func comparison(base: Scenario, variants: String?, replications: Int?, seed: UInt64?, jobs: Int?,
                           warmup: String?, streams: ComparisonStreams) throws -> Comparison {
        let names: [String]
        if let variants {
            names = variants.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        } else if let defaults = ComparisonVariants.defaults(for: base) {
            names = defaults
        } else {
            throw InputError(message: "\(base.file) declares no variant to compare with the base scenario; add a "
                + "`variants:` section (docs/scenario-format.md) or name two with --variants")
        }
        let scenarios: [Scenario]
        do {
            scenarios = try ComparisonVariants.load(names, of: base)
        } catch let error as ComparisonError {
            throw InputError(message: "--variants: \(error.message)")
        }
        var warmUp: Double?
        if let warmup {
            switch Quantity.parseDuration(warmup) {
            case .success(let seconds): warmUp = seconds
            case .failure(let problem): throw InputError(message: "--warmup: \(problem.message)")
            }
        }
        let comparison = Comparison(scenarios: scenarios, replications: replications, seed: seed, threads: jobs,
                                    warmUp: warmUp, streams: streams)
        do {
            try comparison.validate()
        } catch let error as ComparisonError {
            throw InputError(message: "--warmup: \(error.message)")
        }
        return comparison
    }

    /// The scenario as named for the default result file: results/<stem>-<a>-vs-<b>-<time>.h5.
    static func naming(_ base: Scenario, _ names: [String]) -> Scenario {
        var named = base
        named.variant = names.joined(separator: "-vs-")
        return named
    }
}
