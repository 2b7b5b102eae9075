import Foundation
import TaktControl
import TaktFactory
import TaktScheduling

extension FactoryReader {
    /// The keys each policy takes beyond `policy` (a rule and station_rules take none).
    static let schedulingPolicyKeys: [(policy: String, keys: [String])] = [
        ("optimiser", ["iterations", "walkers", "seed", "resolution", "fallback"]),
        ("rescheduling", ["objective", "triggers", "interval", "deviation", "frozen_horizon", "max_replans_per_hour",
                          "iterations", "walkers", "seed", "resolution", "repair_estimate", "fallback"]),
        ("learned_dispatch", ["weights", "warm_start"]),
    ]

    /// `{policy: spt}` (any dispatching rule, applied at every station), `{policy: station_rules}`
    /// (each station's own `dispatch:`), `{policy: optimiser, iterations: 200000, walkers: 4,
    /// seed: 1, resolution: 1 s, fallback: spt}`, `{policy: rescheduling, objective: total_tardiness,
    /// triggers: [arrival, breakdown], …}` or `{policy: learned_dispatch, warm_start: model.json}`.
    func readSchedulingPolicy(_ node: Located, path: String) -> SchedulingPolicy? {
        guard let fields = node.mapping(path) else { return nil }
        defer { fields.finish() }
        let special = ["station_rules"] + Self.schedulingPolicyKeys.map(\.policy)
        let expected = "a dispatching rule (\(DispatchRule.names.joined(separator: ", "))), "
            + special.joined(separator: ", ")
        let policyNode = fields.required("policy", expected: expected)
        var extra: [String: Located] = [:]
        for key in Set(Self.schedulingPolicyKeys.flatMap(\.keys)).sorted() {
            if let value = fields.optional(key) { extra[key] = value }
        }
        guard let policyNode, let text = policyNode.string("\(path).policy") else { return nil }
        var name = text.trimmingWhitespace().lowercased()
        if name == "optimizer" { name = "optimiser" }
        let allowed = Self.schedulingPolicyKeys.first { $0.policy == name }?.keys ?? []
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) where !allowed.contains(key) {
            let owners = Self.schedulingPolicyKeys.filter { $0.keys.contains(key) }.map(\.policy)
            value.error("\(path).\(key) applies only to policy \(owners.joined(separator: " or ")) "
                            + "(this one is '\(text)')")
        }
        switch name {
        case "optimiser": return readOptimiserSettings(extra, path: path)
        case "rescheduling": return readReschedulingSettings(extra, path: path)
        case "learned_dispatch": return readLearnedDispatch(extra, at: policyNode, path: path)
        case "station_rules": return .stationRules
        default: break
        }
        switch DispatchRuleSyntax.parse(text) {
        case .success(let rule):
            return .rule(rule)
        case .failure(let problem):
            let word = String(name.prefix { $0 != "(" }).trimmingWhitespace()
            if DispatchRule.names.contains(word) {
                policyNode.error("\(path).policy: \(problem.message)")
            } else {
                let names = DispatchRule.names + special
                let hint = Suggestion.closest(to: word, among: names).map { "did you mean '\($0)'? " } ?? ""
                policyNode.error("\(path).policy: unknown scheduling policy '\(text)'; \(hint)expected "
                                     + "\(expected), with atc written 'atc(k: 2)'")
            }
            return nil
        }
    }

    /// The optimiser's settings, each with its default.
    func readOptimiserSettings(_ fields: [String: Located], path: String) -> SchedulingPolicy {
        let defaults = OptimisedSchedule.Settings()
        let iterations = fields["iterations"]?.integer("\(path).iterations", in: 0...1_000_000_000)
        let walkers = fields["walkers"]?.integer("\(path).walkers", in: 1...256)
        let seed = fields["seed"]?.integer("\(path).seed", in: 0...Int.max)
        let resolution = fields["resolution"]?.duration("\(path).resolution", allowZero: false)
        let fallback = fields["fallback"].flatMap { DispatchRuleSyntax.read($0, what: "\(path).fallback") }
        return .optimiser(OptimisedSchedule.Settings(
            iterations: iterations ?? defaults.iterations, walkers: walkers ?? defaults.walkers,
            seed: seed.map { UInt64($0) } ?? defaults.seed, resolution: resolution ?? defaults.resolution,
            fallback: fallback))
    }

    /// Rescheduling's settings, each with its default (`ReschedulingSettings`).
    func readReschedulingSettings(_ fields: [String: Located], path: String) -> SchedulingPolicy? {
        let d = ReschedulingSettings()
        var objective = d.objective
        if let node = fields["objective"], let text = node.string("\(path).objective") {
            let word = text.trimmingWhitespace().lowercased()
            if let value = ScheduleObjective(rawValue: word == "mean_tardiness" ? "total_tardiness" : word) {
                objective = value
            } else {
                node.error("\(path).objective: unknown objective '\(text)'; expected "
                               + Suggestion.listing(ScheduleObjective.names + ["mean_tardiness"], near: word))
            }
        }
        var triggers = d.triggers
        if let node = fields["triggers"], let items = node.sequence("\(path).triggers") {
            triggers = []
            for item in items {
                guard let text = item.string("\(path).triggers") else { continue }
                if let trigger = ReschedulingTrigger(rawValue: text.trimmingWhitespace().lowercased()) {
                    triggers.insert(trigger)
                } else {
                    item.error("\(path).triggers: unknown trigger '\(text)'; expected "
                                   + Suggestion.listing(ReschedulingTrigger.names, near: text))
                }
            }
        }
        let interval = fields["interval"]?.duration("\(path).interval", allowZero: false)
        let deviation = fields["deviation"]?.duration("\(path).deviation")
        let frozen = fields["frozen_horizon"]?.duration("\(path).frozen_horizon")
        let limit = fields["max_replans_per_hour"]?.integer("\(path).max_replans_per_hour", in: 1...1_000_000)
        let iterations = fields["iterations"]?.integer("\(path).iterations", in: 0...100_000_000)
        let walkers = fields["walkers"]?.integer("\(path).walkers", in: 1...256)
        let seed = fields["seed"]?.integer("\(path).seed", in: 0...Int.max)
        let resolution = fields["resolution"]?.duration("\(path).resolution", allowZero: false)
        let repair = fields["repair_estimate"]?.duration("\(path).repair_estimate")
        let fallback = fields["fallback"].flatMap { DispatchRuleSyntax.read($0, what: "\(path).fallback") }
        return .rescheduling(ReschedulingSettings(
            objective: objective, triggers: triggers, interval: interval ?? d.interval,
            deviation: deviation ?? d.deviation, frozenHorizon: frozen ?? d.frozenHorizon,
            maxReplansPerHour: limit ?? d.maxReplansPerHour, iterations: iterations ?? d.iterations,
            walkers: walkers ?? d.walkers, seed: seed.map { UInt64($0) } ?? d.seed,
            resolution: resolution ?? d.resolution, repairEstimate: repair ?? d.repairEstimate, fallback: fallback))
    }

    /// `weights: {standard_time: 1, slack: 0.5}` (features not named weigh 0) or
    /// `warm_start: models/dispatch.json` (written by `takt train`); without either, SPT.
    func readLearnedDispatch(_ fields: [String: Located], at node: Located, path: String) -> SchedulingPolicy? {
        if fields["weights"] != nil, let file = fields["warm_start"] {
            file.error("\(path): give weights or warm_start, not both")
            return nil
        }
        if let node = fields["weights"] {
            guard let mapping = node.mapping("\(path).weights") else { return nil }
            var values = Array(repeating: 0.0, count: DispatchFeatures.count)
            for name in DispatchFeatures.names {
                if let value = mapping.optional(name)?.number("\(path).weights.\(name)") {
                    values[DispatchFeatures.names.firstIndex(of: name)!] = value
                }
            }
            mapping.finish()
            return .learnedDispatch(LearnedDispatch.Weights(values))
        }
        if let file = fields["warm_start"] {
            return readDispatchModel(file, path: "\(path).warm_start").map { .learnedDispatch($0) }
        }
        return .learnedDispatch(.shortestFirst)
    }

    /// A model file written by `takt train`: `{"learned_dispatch": {"weights": [...]},
    /// "features": [...]}`, relative to the scenario file's folder.
    func readDispatchModel(_ node: Located, path: String) -> LearnedDispatch.Weights? {
        guard let name = node.string(path) else { return nil }
        let file = name.hasPrefix("/") ? name
            : (((scenarioFile as NSString).deletingLastPathComponent) as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: file) else {
            node.error("\(path): '\(name)' does not exist (the path is relative to the scenario file's folder; write "
                           + "one with takt train SCENARIO --policy learned_dispatch)")
            return nil
        }
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        let model = json?["learned_dispatch"] as? [String: Any]
        let raw = model?["weights"] as? [Any] ?? []
        let weights = raw.compactMap { ($0 as? NSNumber)?.doubleValue }
        let features = json?["features"] as? [String] ?? DispatchFeatures.names
        guard weights.count == raw.count, weights.count == DispatchFeatures.count,
              features == DispatchFeatures.names else {
            node.error("\(path): '\(name)' holds no dispatch weights for this version's features; expected "
                           + "{\"learned_dispatch\": {\"weights\": [\(DispatchFeatures.count) numbers]}, "
                           + "\"features\": [...]} as written by takt train")
            return nil
        }
        return LearnedDispatch.Weights(weights)
    }
}
