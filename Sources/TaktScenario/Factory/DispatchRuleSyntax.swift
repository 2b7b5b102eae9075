import Foundation
import TaktFactory

/// Reads a dispatch rule as written in scenario files: `fifo`, `spt`, `edd`, `cr`, …, or
/// `atc(k: 2)` / `atc(k=2)` for apparent tardiness cost with its look-ahead parameter.
public enum DispatchRuleSyntax {
    /// The rules that take no parameter, by name.
    static let plainRules: [String: DispatchRule] = [
        "fifo": .fifo, "spt": .spt, "lpt": .lpt, "edd": .edd, "cr": .criticalRatio, "mwkr": .mwkr,
        "mopnr": .mopnr, "lor": .lor, "srpt": .srpt, "priority": .priority,
    ]

    /// The rule in `node`, or nil with a diagnostic.
    static func read(_ node: Located, what: String) -> DispatchRule? {
        guard let text = node.string(what) else { return nil }
        switch parse(text) {
        case .success(let rule): return rule
        case .failure(let problem):
            node.error("\(what): \(problem.message)")
            return nil
        }
    }

    /// Parses a rule's text.
    public static func parse(_ text: String) -> Result<DispatchRule, SyntaxProblem> {
        let trimmed = text.trimmingWhitespace().lowercased()
        if let rule = plainRules[trimmed] { return .success(rule) }
        if trimmed == "atc" {
            return .failure(SyntaxProblem("atc needs its look-ahead parameter k; write e.g. 'atc(k: 2)' or atc(k=2)"))
        }
        if trimmed.hasPrefix("atc") { return parseATC(trimmed) }
        let name = String(trimmed.prefix { $0 != "(" }).trimmingWhitespace()
        let hint = Suggestion.closest(to: name, among: DispatchRule.names).map { "did you mean '\($0)'? " } ?? ""
        return .failure(SyntaxProblem("unknown dispatch rule '\(text)'; \(hint)expected one of "
                                          + "\(DispatchRule.names.joined(separator: ", ")), with atc "
                                          + "written 'atc(k: 2)'"))
    }

    /// `atc(k: 2)` or `atc(k=2)`, k > 0.
    static func parseATC(_ text: String) -> Result<DispatchRule, SyntaxProblem> {
        let body = text.dropFirst(3).trimmingWhitespace()
        guard body.hasPrefix("("), body.hasSuffix(")") else {
            return .failure(SyntaxProblem("'\(text)' is not a rule; write atc with its parameter, e.g. 'atc(k: 2)'"))
        }
        let inner = body.dropFirst().dropLast()
        guard let separator = inner.firstIndex(where: { $0 == ":" || $0 == "=" }),
              inner[..<separator].trimmingWhitespace() == "k" else {
            return .failure(SyntaxProblem("atc takes one parameter, k (the look-ahead), e.g. 'atc(k: 2)'"))
        }
        let valueText = inner[inner.index(after: separator)...].trimmingWhitespace()
        guard let k = Double(valueText), k.isFinite, k > 0 else {
            return .failure(SyntaxProblem("atc k must be a positive number, found '\(valueText)'"))
        }
        return .success(.atc(k: k))
    }
}
