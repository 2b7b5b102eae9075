import Foundation
import TaktKernel
import Yams

extension Located {
    /// The mapping's entries in file order, or nil (with a diagnostic) if the node is not a mapping.
    public func mapping(_ what: String) -> MappingReader? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping (key: value lines), found \(kindName)")
            return nil
        }
        let entries = mapping.map { (key: Located($0.key, report: report), value: Located($0.value, report: report)) }
        return MappingReader(entries: entries, at: self, what: what)
    }

    /// The list's items, or nil (with a diagnostic) if the node is not a list.
    public func sequence(_ what: String) -> [Located]? {
        guard case .sequence(let sequence) = node else {
            error("\(what) must be a list, found \(kindName)")
            return nil
        }
        return sequence.map { Located($0, report: report) }
    }

    /// A string value.
    public func string(_ what: String) -> String? {
        guard let text = scalarText, !isNull else {
            error("\(what) must be a text value, found \(kindName)")
            return nil
        }
        return text
    }

    /// An integer within `range`.
    public func integer(_ what: String, in range: ClosedRange<Int> = Int.min...Int.max) -> Int? {
        guard let text = scalarText, let value = Int(text.removingUnderscores()) else {
            error("\(what) must be a whole number, found '\(scalarText ?? kindName)'")
            return nil
        }
        guard range.contains(value) else {
            error("\(what) must be \(describe(range)), found \(value)")
            return nil
        }
        return value
    }

    /// A plain number (no unit) within `range`.
    public func number(_ what: String, in range: ClosedRange<Double> = -.infinity ... .infinity) -> Double? {
        guard let text = scalarText, let value = Double(text.removingUnderscores()), value.isFinite else {
            error("\(what) must be a number, found '\(scalarText ?? kindName)'")
            return nil
        }
        guard range.contains(value) else {
            error("\(what) must be \(describe(range)), found \(value)")
            return nil
        }
        return value
    }

    /// A duration with a unit (`30 s`, `12 min`, `1.5 h`, `2 d`), in seconds.
    public func duration(_ what: String, allowZero: Bool = true) -> Double? {
        guard let text = scalarText else {
            error("\(what) must be a duration such as '30 s' or '12 min', found \(kindName)")
            return nil
        }
        switch Quantity.parseDuration(text) {
        case .success(let seconds):
            if seconds < 0 || (!allowZero && seconds == 0) {
                error("\(what) must be \(allowZero ? "zero or positive" : "positive"), found '\(text)'")
                return nil
            }
            return seconds
        case .failure(let problem):
            error("\(what): \(problem.message)")
            return nil
        }
    }

    /// A distribution in planner syntax (`exponential(mean: 5 min)`), with durations in seconds.
    /// A bare duration is a constant.
    public func distribution(_ what: String, isDuration: Bool = true) -> Distribution? {
        guard let text = scalarText else {
            error("\(what) must be a distribution such as 'exponential(mean: 5 min)', found \(kindName)")
            return nil
        }
        switch DistributionSyntax.parse(text, isDuration: isDuration) {
        case .success(let distribution):
            if let problem = distribution.validationError {
                error("\(what): \(problem)\(isDuration ? " (times in seconds)" : "")")
                return nil
            }
            if isDuration && !distribution.isNonNegative {
                error("\(what): a duration cannot be negative, but '\(text)' can be")
                return nil
            }
            if isDuration && distribution.mean > InputLimits.longestTime {
                error("\(what): '\(text)' has a mean of \(distribution.mean) s, longer than the longest "
                          + "time a scenario "
                    + "may hold, \(InputLimits.longestTimeText); see docs/limits.md")
                return nil
            }
            return distribution
        case .failure(let problem):
            error("\(what): \(problem.message)")
            return nil
        }
    }

    private func describe<T: Comparable>(_ range: ClosedRange<T>) -> String {
        let low = "\(range.lowerBound)", high = "\(range.upperBound)"
        if high.contains("inf") || high == "\(Int.max)" { return "at least \(low)" }
        return "between \(low) and \(high)"
    }
}
