import Yams

/// YAML syntax errors as diagnostics with a position and a hint.
extension ScenarioLoader {
    /// Where `key:` appears for the second time at the indentation of the mapping at `mark`.
    static func secondOccurrence(of key: String, in text: String, from mark: Mark) -> (line: Int, column: Int) {
        let lines = LineEnds.lines(of: text)
        let indent = String(repeating: " ", count: max(0, mark.column - 1))
        var seen = 0
        for index in min(max(0, mark.line - 1), lines.count)..<lines.count {
            let line = lines[index]
            if line.hasPrefix(indent + key + ":") || line.hasPrefix(indent + "- " + key + ":") {
                seen += 1
                if seen == 2 { return (index + 1, mark.column) }
            }
        }
        return (mark.line, mark.column)
    }

    /// `mark` as a place in the file. The YAML parser puts the end of the stream on the line
    /// after the last one when the file does not end in a line break ("could not find expected
    /// ':'" in a last line without a newline); that is reported at the end of the last line.
    static func position(of mark: Mark, in lines: [Substring]) -> (line: Int, column: Int) {
        guard mark.line > lines.count, let last = lines.last else { return (max(1, mark.line), max(1, mark.column)) }
        return (lines.count, last.count + 1)
    }

    static func yamlDiagnostic(_ error: YamlError, file: String, text: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let location = context.map { " \($0.text)" } ?? ""
            var message = "YAML syntax: \(problem)\(location)"
            let lines = LineEnds.lines(of: text)
            if problem.contains("mapping values are not allowed"), mark.line >= 1, mark.line - 1 < lines.count,
               lines[mark.line - 1].contains("(") {
                message += "; a distribution with ': ' inside must be quoted, e.g. "
                    + "\"exponential(mean: 5 min)\", or written with '=': exponential(mean=5 min)"
            }
            if problem.contains("did not find expected ','"), mark.line >= 1, mark.line - 1 < lines.count,
               let law = unquotedLawInFlow(lines[mark.line - 1], beforeColumn: mark.column) {
                return Diagnostic(file: file, line: mark.line, column: law.column,
                                  message: unquotedLawMessage(law.text))
            }
            let (line, column) = position(of: mark, in: lines)
            return Diagnostic(file: file, line: line, column: column, message: message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let (line, column) = secondOccurrence(of: key, in: text, from: context.mark)
            return Diagnostic(file: file, line: line, column: column,
                              message: "'\(key)' appears twice in the same mapping; keep one")
        default:
            return Diagnostic(file: file, line: 1, column: 1, message: "YAML: \(error)")
        }
    }
}
