import Foundation
import TaktScenario

/// Opens what the user named as a scenario: a YAML scenario file (optionally one of its
/// variants) or a classic job-shop instance in OR-Library format (`.txt`, with a dispatch rule).
enum ScenarioSource {
    static func load(path: String, variant: String?, rule: String?) throws -> Scenario {
        let isJobShop = path.hasSuffix(".txt") || path.hasSuffix(".jsp") || rule != nil
        guard isJobShop else { return try ScenarioLoader.load(path: path, variant: variant) }
        if variant != nil {
            throw InputError(message: "--variant applies to YAML scenarios, not to job-shop instances")
        }
        let ruleText = rule ?? "fifo"
        switch DispatchRuleSyntax.parse(ruleText) {
        case .success(let parsed): return try JobShopInstance.scenario(path: path, rule: parsed)
        case .failure(let problem): throw InputError(message: "--rule \(ruleText): \(problem.message)")
        }
    }
}
