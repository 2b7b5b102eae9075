import Yams

/// A scenario text composed into its YAML tree once, so that many changed copies of it — the
/// points of a sweep — are read without parsing the text again.
///
/// `scenario(variant:overrides:)` gives exactly what `ScenarioLoader.parse(_:file:variant:overrides:)`
/// gives for the same text (that function is this type used once): the same scenario, or the same
/// problems at the same lines and columns. Only the YAML parsing is shared; every point's tree is
/// still read and checked whole by the normal scenario reader.
///
/// Immutable. Holds YAML nodes, which are not thread-safe: share a template between threads
/// only under a lock (as `PointScenarios` does).
public struct ScenarioTemplate {
    /// The scenario text, as given (used in messages and kept in every scenario read).
    public let text: String
    /// The scenario file, as named by the user; files it names are relative to its folder.
    public let file: String
    /// The text's YAML tree, with the positions of its nodes.
    let root: Node
    /// The well-formed variants by name (the first of a repeated name, as the loader picks), and
    /// their names in file order.
    private let overlays: [String: VariantOverlay]
    private let variantNames: [String]

    /// Composes `text` (named `file` in messages).
    /// - Throws: `ScenarioError` for an empty text or bad YAML, at its line and column.
    public init(text: String, file: String) throws {
        self.text = text
        self.file = file
        root = try ScenarioLoader.compose(text, file: file)
        let all = VariantOverlay.all(in: root)
        variantNames = all.map(\.name)
        overlays = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The scenario with `variant` applied, then `overrides` set in the document (in order, later
    /// ones winning), read and checked as the normal loader reads a file.
    ///
    /// Problems found inside an override's value are reported at the value's own position (its
    /// mark, from the file it came from) but under `file`; the caller tells them apart by their
    /// positions.
    /// - Throws: `ScenarioError` with every problem found.
    public func scenario(variant: String?, overrides: [ScenarioOverride]) throws -> Scenario {
        var document = root
        let sink = DiagnosticSink(file: file)
        if let variant {
            guard let overlay = overlays[variant] else {
                throw ScenarioLoader.unknownVariant(variant, root: root, file: file, defined: variantNames)
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
        let loaded = ScenarioLoader.read(Located(document, report: sink), file: file, text: text)
        if !sink.diagnostics.isEmpty { throw ScenarioError(sink.diagnostics, primaryFile: file) }
        guard var scenario = loaded else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, message: "scenario could not be read")])
        }
        scenario.variant = variant
        return scenario
    }
}
