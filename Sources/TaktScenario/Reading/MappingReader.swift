/// Reads the keys of one YAML mapping, remembering which were used, so that every key the
/// reader did not expect is reported (with a "did you mean" suggestion) by `finish()`.
public final class MappingReader {
    let entries: [(key: Located, value: Located)]
    let owner: Located
    let what: String
    private var known: [String] = []

    init(entries: [(key: Located, value: Located)], at owner: Located, what: String) {
        self.entries = entries
        self.owner = owner
        self.what = what
    }

    /// The value of an optional key.
    public func optional(_ key: String) -> Located? {
        if !known.contains(key) { known.append(key) }
        return entries.first { $0.key.scalarText == key }?.value
    }

    /// The value of a required key; reports its absence at the mapping.
    public func required(_ key: String, expected: String) -> Located? {
        if let value = optional(key) { return value }
        owner.error("\(what) is missing '\(key)' (\(expected))")
        return nil
    }

    /// The key node of `key` (for reporting a problem at the key rather than at its value), or
    /// nil when absent. Does not count as asking for the key.
    public func keyNode(_ key: String) -> Located? {
        entries.first { $0.key.scalarText == key }?.key
    }

    /// Whether the mapping has `key`. Does not count as asking for it.
    public func contains(_ key: String) -> Bool {
        entries.contains { $0.key.scalarText == key }
    }

    /// Whether the mapping has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The entries whose keys are free-form names (a mapping of stations by name, say).
    public var namedEntries: [(name: String, key: Located, value: Located)] {
        entries.compactMap { entry in entry.key.scalarText.map { ($0, entry.key, entry.value) } }
    }

    /// Reports every key not asked for, and duplicate keys.
    public func finish() {
        var seen: Set<String> = []
        for entry in entries {
            guard let key = entry.key.scalarText else { continue }
            if !seen.insert(key).inserted {
                entry.key.error("'\(key)' appears twice in \(what)")
            }
            if !known.contains(key) {
                let hint = Suggestion.closest(to: key, among: known).map { "; did you mean '\($0)'?" } ?? "."
                entry.key.error("unknown key '\(key)' in \(what)\(hint) Expected one of: \(known.joined(separator: ", "))")
            }
        }
    }
}

/// "Did you mean" suggestions by edit distance.
enum Suggestion {
    /// The candidate nearest to `word`, if it is close enough to be a likely typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
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
