import Yams

extension ScenarioLoader {
    /// Reads the scenario text with `variant` applied, then `overrides` set in the document (in
    /// order, later ones winning), exactly as the normal loader reads a file: every value is
    /// checked the same way. To read many changed copies of one text, compose it once with
    /// `ScenarioTemplate` (what sweeps do, point by point).
    ///
    /// Problems found inside an override's value are reported at the value's own position (its
    /// mark, from the file it came from) but under `file`; the caller tells them apart by their
    /// positions. The base file itself is expected to load (check it with `load(path:)` first).
    ///
    /// - Throws: `ScenarioError` with every problem found.
    public static func parse(_ text: String, file: String, variant: String?, overrides: [ScenarioOverride]) throws
        -> Scenario {
        try ScenarioTemplate(text: text, file: file).scenario(variant: variant, overrides: overrides)
    }

    /// The YAML document of another input file (a sweep file) with positions, or nil when the
    /// file holds no document; YAML syntax errors are reported like those of scenario files.
    /// - Throws: `ScenarioError` with the syntax error at its line and column.
    public static func document(_ text: String, file: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            // Positions are found in the normalised text (as the YAML parser counts lines: CR,
            // LF and CRLF each end one), whatever line ends the caller's text has.
            throw ScenarioError([yamlDiagnostic(error, file: file, text: LineEnds.normalised(text))])
        }
    }
}
