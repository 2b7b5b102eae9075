import Foundation
import TaktKernel
import Yams

/// Reads scenario files, reporting every problem at once as `file:line:column: error: …`.
///
/// A file is checked whole: its base scenario and every variant (each variant applied to the
/// base), so a file either loads in every variant or reports all its problems.
public enum ScenarioLoader {
    /// Loads and checks the scenario at `path`; returns the base scenario (`variant` nil) or the
    /// named variant applied to it.
    /// - Throws: `ScenarioError` with every problem found (including an unreadable file).
    public static func load(path: String, variant: String? = nil) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw ScenarioError([Diagnostic(file: path, line: 1, column: 1, message: "scenario file \(reason)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError([Diagnostic(file: path, line: 1, column: 1,
                                            message: "scenario file is not UTF-8 text")])
        }
        return try parse(text, file: path, variant: variant)
    }

    /// Parses scenario text. `file` is used in messages and to find the files a scenario names
    /// (CSV order files, relative to its folder).
    public static func parse(_ rawText: String, file: String, variant: String? = nil) throws -> Scenario {
        let text = LineEnds.normalised(rawText)
        let root = try compose(text, file: file)
        let baseSink = DiagnosticSink(file: file)
        let base = read(Located(root, report: baseSink), file: file, text: text)
        var diagnostics = baseSink.diagnostics
        let reported = Set(diagnostics.map(\.description))
        var selected = variant == nil ? base : nil
        for overlay in VariantOverlay.all(in: root) {
            let sink = DiagnosticSink(file: file)
            let merged = overlay.apply(to: root, report: sink)
            var scenario = read(Located(merged, report: sink), file: file, text: text)
            for var diagnostic in sink.diagnostics where !reported.contains(diagnostic.description) {
                diagnostic.message = "variant '\(overlay.name)': \(diagnostic.message)"
                diagnostics.append(diagnostic)
            }
            if overlay.name == variant {
                scenario?.variant = overlay.name
                scenario?.variants = base?.variants ?? []
                selected = scenario
            }
        }
        if !diagnostics.isEmpty { throw ScenarioError(diagnostics, primaryFile: file) }
        if let selected { return selected }
        if let variant { throw unknownVariant(variant, root: root, file: file, defined: base?.variants ?? []) }
        throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, message: "scenario could not be read")])
    }

    /// The YAML document's root node, or a `ScenarioError` for an empty file or bad YAML.
    static func compose(_ text: String, file: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioError([Diagnostic(file: file, line: 1, column: 1,
                                                message: "scenario file is empty; expected at least 'name:' and "
                                                    + "a model section")])
            }
            return node
        } catch let error as YamlError {
            throw ScenarioError([yamlDiagnostic(error, file: file, text: text)])
        }
    }

    static func unknownVariant(_ name: String, root: Node, file: String, defined: [String]) -> ScenarioError {
        let mark = root.mapping?.first { $0.key.string == "variants" }?.key.mark
        let message: String
        if defined.isEmpty {
            message = "no variant '\(name)': this scenario defines no variants"
        } else {
            let hint = Suggestion.closest(to: name, among: defined).map { "did you mean '\($0)'? " } ?? ""
            message = "no variant '\(name)' in this scenario; \(hint)it defines: "
                + "\(Suggestion.listing(defined, near: name))"
        }
        return ScenarioError([Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                         message: message)])
    }
}
