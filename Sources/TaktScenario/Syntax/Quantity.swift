import Foundation
/// Numbers with units as planners write them: durations (`30 s`, `12 min`, `1.5 h`, `2 d`)
/// and rates (`4.5 /min`, `270 per h`). Takt's internal time unit is the second.
public enum Quantity {
    /// Duration units and their length in seconds.
    public static let durationUnits: [(names: [String], seconds: Double)] = [
        (["ms", "millisecond", "milliseconds"], 0.001),
        (["s", "sec", "second", "seconds"], 1),
        (["min", "minute", "minutes"], 60),
        (["h", "hr", "hour", "hours"], 3600),
        (["d", "day", "days"], 86_400),
        (["w", "wk", "week", "weeks"], 604_800),
    ]

    /// The text of the accepted duration units, for messages.
    static let unitList = "ms, s, min, h, d, w"

    /// Seconds per unit, or nil for an unknown unit.
    public static func secondsPerUnit(_ unit: String) -> Double? {
        durationUnits.first { $0.names.contains(unit) }?.seconds
    }

    /// Splits "1.5 h" into (1.5, "h"); the unit may be empty.
    static func splitNumber(_ text: String) -> (number: Double, unit: String)? {
        let trimmed = text.trimmingWhitespace()
        var end = trimmed.startIndex
        for index in trimmed.indices {
            let character = trimmed[index]
            if character.isNumber || "+-._eE".contains(character) {
                // an 'e' only counts as an exponent if followed by a digit or sign
                if character == "e" || character == "E" {
                    let next = trimmed.index(after: index)
                    guard next < trimmed.endIndex, trimmed[next].isNumber || "+-".contains(trimmed[next]) else { break }
                }
                end = trimmed.index(after: index)
            } else { break }
        }
        let numberText = String(trimmed[..<end]).removingUnderscores()
        guard let number = Double(numberText), number.isFinite else { return nil }
        return (number, trimmed[end...].trimmingWhitespace())
    }

    /// Parses a duration with a unit into seconds. A bare number is refused: a planner's "5"
    /// could mean seconds or minutes, and guessing wrong is silent.
    public static func parseDuration(_ text: String) -> Result<Double, SyntaxProblem> {
        guard let (number, unit) = splitNumber(text) else {
            return .failure(SyntaxProblem("'\(text)' is not a duration; expected a number and a unit, such as '30 "
                                              + "s' or '12 min'"))
        }
        guard !unit.isEmpty else {
            return .failure(SyntaxProblem("'\(text)' has no unit; write it as '\(format(number)) s', "
                                              + "'\(format(number)) min' or '\(format(number)) h'"))
        }
        guard let seconds = secondsPerUnit(unit) else {
            let hint = Suggestion.closest(to: unit, among: durationUnits.flatMap(\.names))
                .map { " (did you mean '\($0)'?)" } ?? ""
            return .failure(SyntaxProblem("unknown time unit '\(unit)'\(hint); expected one of \(unitList)"))
        }
        let value = number * seconds
        guard abs(value) <= InputLimits.longestTime else {
            return .failure(SyntaxProblem("'\(text)' is longer than the longest time a scenario may hold, "
                + "\(InputLimits.longestTimeText); see docs/limits.md"))
        }
        return .success(value)
    }

    /// Parses a rate such as `4.5 /min` or `270 per h` into events per second.
    public static func parseRate(_ text: String) -> Result<Double, SyntaxProblem> {
        guard let (number, rest) = splitNumber(text) else {
            return .failure(SyntaxProblem("'\(text)' is not a rate; expected e.g. '4.5 /min' or '270 per h'"))
        }
        var unit = rest
        if unit.hasPrefix("/") { unit.removeFirst() } else if unit.hasPrefix("per ") { unit.removeFirst(4) } else {
            return .failure(SyntaxProblem("'\(text)' is not a rate; write it with a time unit, e.g. "
                                              + "'\(format(number)) /min'"))
        }
        unit = unit.trimmingWhitespace()
        guard let seconds = secondsPerUnit(unit) else {
            return .failure(SyntaxProblem("unknown time unit '\(unit)' in rate '\(text)'; expected one of \(unitList)"))
        }
        let rate = number / seconds
        if rate > 1 / InputLimits.shortestInterval {
            return .failure(SyntaxProblem("rate '\(text)' is more than one per microsecond (3.6e9 /h), the fastest "
                + "Takt simulates; see docs/limits.md"))
        }
        if rate > 0 && 1 / rate > InputLimits.longestTime {
            return .failure(SyntaxProblem("rate '\(text)' is less than one per \(InputLimits.longestTimeText), the "
                + "longest time a scenario may hold; see docs/limits.md"))
        }
        return .success(rate)
    }

    /// A number without a trailing ".0".
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
