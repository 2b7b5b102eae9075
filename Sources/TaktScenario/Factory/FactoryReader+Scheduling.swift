import TaktControl
import TaktFactory

extension FactoryReader {
    /// The keys that only the optimiser takes.
    static let optimiserKeys = ["iterations", "walkers", "seed", "resolution", "fallback"]

    /// `{policy: spt}` (any dispatching rule, applied at every station), `{policy: station_rules}`
    /// (each station's own `dispatch:`) or `{policy: optimiser, iterations: 200000, walkers: 4,
    /// seed: 1, resolution: 1 s, fallback: spt}`.
    func readSchedulingPolicy(_ node: Located, path: String) -> SchedulingPolicy? {
        guard let fields = node.mapping(path) else { return nil }
        defer { fields.finish() }
        let expected = "a dispatching rule (\(DispatchRule.names.joined(separator: ", "))), station_rules or optimiser"
        let policyNode = fields.required("policy", expected: expected)
        let optimiserNodes = Self.optimiserKeys.map { (key: $0, node: fields.optional($0)) }
        guard let policyNode, let text = policyNode.string("\(path).policy") else { return nil }
        let name = text.trimmingWhitespace().lowercased()
        if name == "optimiser" || name == "optimizer" {
            return readOptimiserSettings(fields, path: path)
        }
        let policy: SchedulingPolicy?
        if name == "station_rules" {
            policy = .stationRules
        } else {
            switch DispatchRuleSyntax.parse(text) {
            case .success(let rule):
                policy = .rule(rule)
            case .failure(let problem):
                let word = String(name.prefix { $0 != "(" }).trimmingWhitespace()
                if DispatchRule.names.contains(word) {
                    policyNode.error("\(path).policy: \(problem.message)")
                } else {
                    let names = DispatchRule.names + ["station_rules", "optimiser"]
                    let hint = Suggestion.closest(to: word, among: names).map { "did you mean '\($0)'? " } ?? ""
                    policyNode.error("\(path).policy: unknown scheduling policy '\(text)'; \(hint)expected "
                                         + "\(expected), with atc written 'atc(k: 2)'")
                }
                return nil
            }
        }
        for (key, node) in optimiserNodes {
            node?.error("\(path).\(key) applies only to policy optimiser (this one is '\(text)')")
        }
        return policy
    }

    /// The optimiser's settings, each with its default.
    func readOptimiserSettings(_ fields: MappingReader, path: String) -> SchedulingPolicy {
        let defaults = OptimisedSchedule.Settings()
        let iterations = fields.optional("iterations")?.integer("\(path).iterations", in: 0...1_000_000_000)
        let walkers = fields.optional("walkers")?.integer("\(path).walkers", in: 1...256)
        let seed = fields.optional("seed")?.integer("\(path).seed", in: 0...Int.max)
        let resolution = fields.optional("resolution")?.duration("\(path).resolution", allowZero: false)
        let fallback = fields.optional("fallback").flatMap { DispatchRuleSyntax.read($0, what: "\(path).fallback") }
        return .optimiser(OptimisedSchedule.Settings(
            iterations: iterations ?? defaults.iterations, walkers: walkers ?? defaults.walkers,
            seed: seed.map { UInt64($0) } ?? defaults.seed, resolution: resolution ?? defaults.resolution,
            fallback: fallback))
    }
}
