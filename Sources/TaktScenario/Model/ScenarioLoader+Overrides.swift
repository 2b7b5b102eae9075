import Yams

extension ScenarioLoader {
    /// Reads the scenario text with `variant` applied, then `overrides` set in the document (in
    /// order, later ones winning), exactly as the normal loader reads a file: every value is
    /// checked the same way. Used by sweeps, one point at a time.
    ///
    /// Problems found inside an override's value are reported at the value's own position (its
    /// mark, from the file it came from) but under `file`; the caller tells them apart by their
    /// positions. The base file itself is expected to load (check it with `load(path:)` first).
    ///
    /// - Throws: `ScenarioError` with every problem found.
    public static func parse(_ text: String, file: String, variant: String?, overrides: [ScenarioOverride]) throws -> Scenario {
        let root = try compose(text, file: file)
        var document = root
        let sink = DiagnosticSink(file: file)
        if let variant {
            guard let overlay = VariantOverlay.all(in: root).first(where: { $0.name == variant }) else {
                let defined = VariantOverlay.all(in: root).map(\.name)
                throw unknownVariant(variant, root: root, file: file, defined: defined)
            }
            document = overlay.apply(to: root, report: sink)
        }
        for override in overrides {
            if let problem = override.path.problem(in: document) {
                let mark = override.keyMark ?? override.value.mark
                sink.add(line: mark?.line ?? 1, column: mark?.column ?? 1, message: problem)
                continue
            }
            document = override.path.setting(override.value, in: document, keyMark: override.keyMark)
        }
        let loaded = read(Located(document, report: sink), file: file, text: text)
        if !sink.diagnostics.isEmpty { throw ScenarioError(sink.diagnostics, primaryFile: file) }
        guard var scenario = loaded else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, message: "scenario could not be read")])
        }
        scenario.variant = variant
        return scenario
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
