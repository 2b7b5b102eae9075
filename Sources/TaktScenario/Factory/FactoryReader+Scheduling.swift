import TaktControl
import TaktFactory

extension FactoryReader {
    /// `{policy: spt}` (any dispatching rule, applied at every station), `{policy: station_rules}`
    /// (each station's own `dispatch:`) or `{policy: optimiser, iterations: 200000, walkers: 4,
    /// seed: 1, resolution: 1 s, fallback: spt}`.
    func readSchedulingPolicy(_ node: Located, path: String) -> SchedulingPolicy? {
        guard let fields = node.mapping(path) else { return nil }
        defer { fields.finish() }
        let expected = "a dispatching rule (\(DispatchRule.names.joined(separator: ", "))), station_rules or optimiser"
        guard let policyNode = fields.required("policy", expected: expected),
              let text = policyNode.string("\(path).policy") else { return nil }
        switch text.trimmingWhitespace().lowercased() {
        case "station_rules":
            return .stationRules
        case "optimiser", "optimizer":
            let iterations = fields.optional("iterations")?.integer("\(path).iterations", in: 0...1_000_000_000)
            let walkers = fields.optional("walkers")?.integer("\(path).walkers", in: 1...256)
            let seed = fields.optional("seed")?.integer("\(path).seed", in: 0...Int.max)
            let resolution = fields.optional("resolution")?.duration("\(path).resolution", allowZero: false)
            let fallback = fields.optional("fallback").flatMap {
                DispatchRuleSyntax.read($0, what: "\(path).fallback")
            }
            let defaults = OptimisedSchedule.Settings()
            return .optimiser(OptimisedSchedule.Settings(
                iterations: iterations ?? defaults.iterations, walkers: walkers ?? defaults.walkers,
                seed: seed.map { UInt64($0) } ?? defaults.seed, resolution: resolution ?? defaults.resolution,
                fallback: fallback))
        default:
            switch DispatchRuleSyntax.parse(text) {
            case .success(let rule):
                return .rule(rule)
            case .failure(let problem):
                let names = DispatchRule.names + ["station_rules", "optimiser"]
                let name = String(text.prefix { $0 != "(" }).trimmingWhitespace().lowercased()
                if DispatchRule.names.contains(name) {
                    policyNode.error("\(path).policy: \(problem.message)")
                    return nil
                }
                let hint = Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'? " } ?? ""
                policyNode.error("\(path).policy: unknown scheduling policy '\(text)'; \(hint)expected \(expected), "
                                     + "with atc written 'atc(k: 2)'")
                return nil
            }
        }
    }
}
