extension ScenarioLoader {
    /// A distribution written unquoted inside a `{…}` flow mapping or `[…]` sequence, such as
    /// `{interarrival: exponential(mean: 5 min)}`: YAML ends the value at the ': ' inside the
    /// parentheses and libyaml says only "did not find expected ',' or '}'". Returns where the
    /// distribution starts on the mark's line and its text, up to its closing parenthesis.
    static func unquotedLawInFlow(_ line: Substring, beforeColumn markColumn: Int) -> (column: Int, text: String)? {
        let characters = Array(line)
        var found: (column: Int, text: String)?
        var index = 0
        while index < characters.count {
            guard characters[index].isLetter, index == 0 || !Self.continuesWord(characters[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count && (characters[end].isLetter || characters[end] == "_") { end += 1 }
            guard end < characters.count, characters[end] == "(", index + 1 <= markColumn else {
                index = end + 1
                continue
            }
            var close = end
            while close < characters.count && characters[close] != ")" { close += 1 }
            let inner = characters[end..<min(close, characters.count)]
            if inner.contains(":") {
                found = (index + 1, String(characters[index..<min(close + 1, characters.count)]))
            }
            index = close + 1
        }
        return found
    }

    /// Whether a letter after `character` is inside a word or a quoted text, not a law's start.
    private static func continuesWord(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "\"" || character == "'"
    }

    /// The message for `unquotedLawInFlow`: quote it, or write `name=value`.
    static func unquotedLawMessage(_ law: String) -> String {
        "YAML syntax: inside {…} or […], the ': ' in '\(law)' ends the value; quote the value, \"\(law)\", or write "
            + law.replacingOccurrences(of: ": ", with: "=").replacingOccurrences(of: ":", with: "=")
    }
}
