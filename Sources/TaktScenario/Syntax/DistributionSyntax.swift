import Foundation
import TaktKernel

/// Reads distributions written plainly: `exponential(mean: 5 min)`, `normal(mean: 10 min,
/// sd: 2 min)`, `exponential(rate: 4.5 /min)`, `discrete(values: [1 min, 2 min], weights: [3, 1])`,
/// or a bare duration such as `45 s` for a constant.
///
/// In YAML, a value containing ": " must be quoted (`service: "exponential(mean: 1 min)"`);
/// `name=value` is accepted as well and needs no quotes (`service: exponential(mean=1 min)`).
///
/// With `isDuration`, time-valued parameters need a unit and are converted to seconds; otherwise
/// they are plain numbers (a count, a share).
public enum DistributionSyntax {
    /// Parameter names of each distribution, the time-valued ones marked by `isTime`.
    static let signatures: [String: [(name: String, isTime: Bool)]] = [
        "constant": [("value", true)],
        "uniform": [("min", true), ("max", true)],
        "triangular": [("min", true), ("mode", true), ("max", true)],
        "exponential": [("mean", true), ("rate", false)],
        "normal": [("mean", true), ("sd", true)],
        "lognormal": [("mean", true), ("sd", true)],
        "gamma": [("shape", false), ("scale", true), ("mean", true)],
        "weibull": [("shape", false), ("scale", true)],
        "erlang": [("k", false), ("mean", true)],
        "bernoulli": [("p", false)],
        "discrete": [("values", true), ("weights", false)],
        "empirical": [("samples", true)],
    ]

    /// Parses `text` (a text parsed before is answered from `DistributionParseCache`).
    public static func parse(_ text: String, isDuration: Bool) -> Result<Distribution, SyntaxProblem> {
        DistributionParseCache.shared.result(for: text, isDuration: isDuration) {
            parseUncached(text, isDuration: isDuration)
        }
    }

    /// Parses `text`, always anew.
    static func parseUncached(_ text: String, isDuration: Bool) -> Result<Distribution, SyntaxProblem> {
        let trimmed = text.trimmingWhitespace()
        guard let open = trimmed.firstIndex(of: "(") else {
            return parseConstant(trimmed, isDuration: isDuration)
        }
        let name = trimmed[..<open].trimmingWhitespace().lowercased()
        guard let signature = signatures[name] else {
            let hint = Suggestion.closest(to: name, among: Array(signatures.keys)).map { "did you mean '\($0)'? " }
                ?? ""
            return .failure(SyntaxProblem("unknown distribution '\(name)'; \(hint)expected one of "
                                              + "\(signatures.keys.sorted().joined(separator: ", "))"))
        }
        guard trimmed.hasSuffix(")") else {
            return .failure(SyntaxProblem("'\(trimmed)' is missing its closing ')'"))
        }
        let body = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        var arguments: [String: String] = [:]
        for part in splitTopLevel(String(body)) where !part.isEmpty {
            guard let colon = part.firstIndex(where: { $0 == ":" || $0 == "=" }) else {
                return .failure(SyntaxProblem("argument '\(part)' of \(name) needs a name, e.g. "
                                                  + "'\(signature[0].name): …'"))
            }
            let key = part[..<colon].trimmingWhitespace()
            guard signature.contains(where: { $0.name == key }) else {
                let hint = Suggestion.closest(to: key, among: signature.map(\.name)).map { "did you mean '\($0)'? " }
                    ?? ""
                return .failure(SyntaxProblem("\(name) has no parameter '\(key)'; \(hint)it takes "
                                                  + "\(signature.map(\.name).joined(separator: ", "))"))
            }
            arguments[key] = part[part.index(after: colon)...].trimmingWhitespace()
        }
        return build(name, arguments, isDuration: isDuration)
    }

    static func parseConstant(_ text: String, isDuration: Bool) -> Result<Distribution, SyntaxProblem> {
        if isDuration {
            if Double(text) != nil {
                return .failure(SyntaxProblem("'\(text)' has no unit; write a duration such as '\(text) s' or '\(text) "
                                                  + "min', or a distribution such as 'exponential(mean: \(text) min)'"))
            }
            return Quantity.parseDuration(text).map { .constant($0) }
                .mapError { problem in
                    problem.message.contains("docs/limits.md") ? problem
                        : SyntaxProblem(problem.message + ", or a distribution such as 'exponential(mean: 5 min)'")
                }
        }
        guard let value = Double(text) else {
            return .failure(SyntaxProblem("'\(text)' is neither a number nor a distribution such as "
                                              + "'uniform(min: 1, max: 3)'"))
        }
        return .success(.constant(value))
    }

    /// Splits "a: 1, b: [1, 2]" at commas outside brackets.
    static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            if character == "[" || character == "(" { depth += 1 }
            if character == "]" || character == ")" { depth -= 1 }
            if character == "," && depth == 0 {
                parts.append(current.trimmingWhitespace())
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingWhitespace())
        return parts
    }
}
