/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// Past this many candidates a "did you mean" compares only names of about the same length
    /// and first letter, so a message about one of thousands of names stays cheap.
    static let exhaustiveSearchLimit = 500

    /// The candidate nearest to `word`, if it is close enough to be a likely typo.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        let lowered = word.lowercased()
        var pool = candidates
        if candidates.count > exhaustiveSearchLimit {
            // cheap byte-level screen first: length within the limit, same first letter (ASCII case-folded)
            func folded(_ byte: UInt8?) -> UInt8? { byte.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }
            let length = word.utf8.count, first = folded(word.utf8.first)
            pool = candidates.filter { abs($0.utf8.count - length) <= limit && folded($0.utf8.first) == first }
            if pool.count > exhaustiveSearchLimit { pool = Array(pool.prefix(exhaustiveSearchLimit)) }
        }
        let scored = pool.map { ($0, distance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= limit ? best.0 : nil
    }

    /// The names for a message: all of them when there are at most `InputLimits.namesListed`,
    /// else that many nearest to `word` (by edit distance for short lists, by spelling order
    /// for long ones) and the number of the rest: "cut, weld, … (and 9,995 more)".
    /// `sorted`: the names already in spelling order, when the caller keeps them so.
    static func listing(_ names: [String], near word: String, sorted presorted: [String] = []) -> String {
        let shown = InputLimits.namesListed
        guard names.count > shown else { return names.joined(separator: ", ") }
        let nearest: [String]
        if names.count <= exhaustiveSearchLimit {
            let lowered = word.lowercased()
            nearest = names.enumerated().map { ($0.element, distance(lowered, $0.element.lowercased()), $0.offset) }
                .sorted { ($0.1, $0.2) < ($1.1, $1.2) }.prefix(shown).map(\.0)
        } else {
            let sorted = presorted.count == names.count ? presorted : names.sorted()
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < word { low = middle + 1 } else { high = middle }
            }
            let start = min(max(0, low - shown / 2), sorted.count - shown)
            nearest = Array(sorted[start..<(start + shown)])
        }
        return nearest.joined(separator: ", ") + " (and \(names.count - shown) more)"
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
