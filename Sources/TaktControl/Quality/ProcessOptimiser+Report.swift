import TaktFactory

extension ProcessOptimiser {
    /// The recipe's parameter names, most influential first by learned effect (ties keep the
    /// recipe's order); empty before the first decision.
    public var ranking: [String] {
        guard updates > 0 else { return [] }
        return rankedIndices.map { parameterNames[$0] }
    }

    /// Each parameter's name and learned effect (`effect(of:)`), in recipe order.
    public var effects: [(name: String, effect: Double)] {
        parameterNames.indices.map { (parameterNames[$0], effect(of: $0)) }
    }

    /// The recipe it currently believes best (the centre of its exploration), in recipe order.
    public var recommendedSetpoints: [Double] { incumbent }

    var rankedIndices: [Int] {
        let effects = parameterNames.indices.map { effect(of: $0) }
        return parameterNames.indices.sorted { effects[$0] > effects[$1] || (effects[$0] == effects[$1] && $0 < $1) }
    }

    /// `labels`, `updates`, `moves`; per parameter `effect.<name>` (log-odds across the span
    /// explored), `se.<name>` (its standard error), `rank.<name>` (1 = most influential),
    /// `evidence.<name>` (Wald χ²₂ of "no effect"), `low.<name>`/`high.<name>` (the span
    /// explored), `setpoint.<name>` (the incumbent recipe); per environment variable
    /// `coefficient.<name>` (log-odds per unit). Rank, evidence and span only after the first
    /// decision.
    public func metrics() -> [ControllerMetric] {
        var result = [
            ControllerMetric("labels", "labelled parts learned from", value: Double(labels)),
            ControllerMetric("updates", "setpoint decisions", value: Double(updates)),
            ControllerMetric("moves", "setpoint moves", value: Double(moves)),
        ]
        let ranks = updates > 0 ? rankedIndices : []
        for k in parameterNames.indices {
            let name = parameterNames[k], unit = units[k]
            result.append(ControllerMetric("effect.\(name)",
                                           "learned effect of \(name) on the defect log-odds across the span explored",
                                           unit: "log-odds", value: effect(of: k)))
            result.append(ControllerMetric("se.\(name)", "standard error of the learned effect of \(name)",
                                           unit: "log-odds",
                                           value: effectStandardError(of: k)))
            if let rank = ranks.firstIndex(of: k) {
                result.append(ControllerMetric("rank.\(name)", "rank of \(name) by learned effect",
                                               value: Double(rank + 1)))
                result.append(ControllerMetric("evidence.\(name)", "Wald χ² (2 df) against no effect of \(name)",
                                               value: evidenceOfEffect(k)))
            }
            if let span = exploredSpan(k) {
                result.append(ControllerMetric("low.\(name)", "lowest setpoint of \(name) explored", unit: unit,
                                               value: span.lowerBound))
                result.append(ControllerMetric("high.\(name)", "highest setpoint of \(name) explored", unit: unit,
                                               value: span.upperBound))
            }
            result.append(ControllerMetric("setpoint.\(name)", "recommended setpoint of \(name)", unit: unit,
                                           value: incumbent[k]))
        }
        if updates > 0 {
            for (e, name) in environmentNames.enumerated() where environmentScale[e] > 0 {
                result.append(ControllerMetric("coefficient.\(name)",
                                               "learned effect of \(name) on the defect log-odds per unit",
                                               unit: "log-odds",
                                               value: regression.coefficient(1 + 2 * parameterNames.count + e)
                                                   / environmentScale[e]))
            }
        }
        return result
    }
}
