import TaktScenario

/// Names the variants of a comparison and loads them.
///
/// `base` names the scenario without any overlay; every other name is a variant the file
/// declares under `variants:`.
public enum ComparisonVariants {
    /// The name of the scenario without overlay.
    public static let base = "base"

    /// Every name a comparison of `scenario` may use: `base`, then the declared variants.
    public static func available(in scenario: Scenario) -> [String] {
        [base] + scenario.variants.filter { $0 != base }
    }

    /// The variants compared when none are named: the declared variant `baseline` (or, when
    /// the file declares none of that name, `base`) against the first other declared variant.
    /// Nil when the scenario declares no variant to compare with.
    public static func defaults(for scenario: Scenario) -> [String]? {
        let reference = scenario.variants.contains("baseline") ? "baseline" : base
        guard let other = scenario.variants.first(where: { $0 != reference && $0 != base }) else { return nil }
        return [reference, other]
    }

    /// Checks `names` against the scenario: at least two, none repeated, each available.
    /// - Throws: `ComparisonError` naming the problem and listing the available variants.
    public static func check(_ names: [String], in scenario: Scenario) throws {
        let available = available(in: scenario)
        let list = available.joined(separator: ", ")
        for name in names where !available.contains(name) {
            let hint = Suggestion.closest(to: name, among: available).map { "did you mean '\($0)'? " } ?? ""
            throw ComparisonError("unknown variant '\(name)'; \(hint)\(scenario.file) has: \(list)")
        }
        if let repeated = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw ComparisonError("variant '\(repeated)' is named twice; name each variant once (available: \(list))")
        }
        if names.count < 2 {
            throw ComparisonError("a comparison needs at least two variants, got \(names.count); available: \(list)")
        }
    }

    /// The scenarios of `names` (checked first), loaded from the file of `scenario` (its base).
    /// - Throws: `ComparisonError` for bad names; `ScenarioError` if a variant fails to load.
    public static func load(_ names: [String], of scenario: Scenario) throws -> [Scenario] {
        try check(names, in: scenario)
        return try names.map { name in
            name == base && scenario.variant == nil
                ? scenario
                : try ScenarioLoader.parse(scenario.sourceText, file: scenario.file, variant: name == base ? nil : name)
        }
    }
}
