/// Reads the keys of one YAML mapping, remembering which were used, so that every key the
/// reader did not expect is reported (with a "did you mean" suggestion) by `finish()`.
public final class MappingReader {
    let entries: [(key: Located, value: Located)]
    /// The text of each entry's key (nil for a key that is not a scalar), looked up without
    /// copying the entries: a lookup per key read is the reader's most frequent operation.
    private let keyTexts: [String?]
    let owner: Located
    let what: String
    private var known: [String] = []

    init(entries: [(key: Located, value: Located)], at owner: Located, what: String) {
        self.entries = entries
        keyTexts = entries.map(\.key.scalarText)
        self.owner = owner
        self.what = what
    }

    /// The value of an optional key.
    public func optional(_ key: String) -> Located? {
        if !known.contains(key) { known.append(key) }
        return keyTexts.firstIndex(of: key).map { entries[$0].value }
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
        keyTexts.firstIndex(of: key).map { entries[$0].key }
    }

    /// Whether the mapping has `key`. Does not count as asking for it.
    public func contains(_ key: String) -> Bool {
        keyTexts.contains(key)
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
        for (index, keyText) in keyTexts.enumerated() {
            guard let key = keyText else { continue }
            if !seen.insert(key).inserted {
                entries[index].key.error("'\(key)' appears twice in \(what)")
            }
            if !known.contains(key) {
                let hint = Suggestion.closest(to: key, among: known).map { "; did you mean '\($0)'?" } ?? "."
                entries[index].key.error("unknown key '\(key)' in \(what)\(hint) Expected one of: "
                                             + "\(known.joined(separator: ", "))")
            }
        }
    }
}
