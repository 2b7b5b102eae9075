import TaktControl
import TaktFactory

extension FactoryKPIs {
    /// For a process optimiser, the scenario's true effect of each recipe parameter over the same
    /// span of setpoints the optimiser explored (from its `low.<p>`/`high.<p>` figures): the
    /// spread of Σ coefficient·(x − center)^power of that parameter's terms, i.e. what its
    /// `effect.<p>` estimates. Interaction terms are left out (their effect depends on the other
    /// input: this is the main effect at the other input's centre). Truth for the analyst; the
    /// controller never sees it.
    static func trueEffectKPIs(_ plan: ControllerPlan, configuration: FactoryConfiguration,
                               metrics: [(prefix: String, metrics: [ControllerMetric])]) -> [KPI] {
        var result: [KPI] = []
        for (policy, prefix) in [(plan.quality, "optimise"), (plan.shadowQuality, "shadow.optimise")] {
            guard case .optimise(let operation, _, _)? = policy,
                  let figures = metrics.first(where: { $0.prefix == prefix })?.metrics else { continue }
            let spec = configuration.products.flatMap(\.routing)[operation]
            let values = Dictionary(figures.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            for (k, parameter) in spec.recipe.enumerated() {
                guard let low = values["low.\(parameter.name)"], let high = values["high.\(parameter.name)"]
                else { continue }
                // main effects only: an interaction term's effect depends on the other input
                let terms = spec.quality?.terms.filter { $0.input == .parameter(k) && $0.interaction == nil } ?? []
                let contributions = (0...200).map { step -> Double in
                    let x = low + (high - low) * Double(step) / 200
                    return terms.reduce(0) { sum, term in
                        let d = x - term.center
                        return sum + term.coefficient * (term.power == 2 ? d * d : d)
                    }
                }
                let effect = (contributions.max() ?? 0) - (contributions.min() ?? 0)
                result.append(KPI("\(prefix).true_effect.\(parameter.name)",
                                  "\(prefix): TRUE effect of \(parameter.name) across the span explored (hidden from "
                                      + "the controller)",
                                  unit: "log-odds", value: effect))
            }
        }
        return result
    }
}
