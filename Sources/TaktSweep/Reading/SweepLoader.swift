import Foundation
import TaktScenario
import Yams

/// Reads sweep files, reporting every problem at once as `file:line:column: error: …` — in the
/// sweep file, or in the base scenario when that fails to load.
public enum SweepLoader {
    /// Loads and checks the sweep at `path`, loads its base scenario and expands its design.
    /// Points are not loaded one by one here (`Sweep.check()` does that).
    /// - Throws: `ScenarioError` with every problem found.
    public static func load(path: String) throws -> Sweep {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw ScenarioError([Diagnostic(file: path, line: 1, column: 1, message: "sweep file \(reason)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError([Diagnostic(file: path, line: 1, column: 1, message: "sweep file is not UTF-8 text")])
        }
        return try parse(text, file: path)
    }

    /// Parses sweep text; `file` names it in messages and anchors the relative paths in it.
    public static func parse(_ text: String, file: String) throws -> Sweep {
        guard let root = try ScenarioLoader.document(text, file: file) else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1,
                                            message: "sweep file is empty; expected at least 'name:', 'scenario:' "
                                                + "and 'parameters:'")])
        }
        let sink = DiagnosticSink(file: file)
        return try SweepReader(file: file, sink: sink).read(Located(root, report: sink), text: text)
    }

    /// `path` resolved against the folder of `file` (absolute paths stay as they are).
    static func resolve(_ path: String, against file: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = (file as NSString).deletingLastPathComponent
        return normalized(folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path))
    }

    /// `path` with `.` and `folder/..` removed lexically (`scenarios/sweeps/../a.yaml` → `scenarios/a.yaml`).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}

/// The reader of one sweep file: top-level keys, then the base scenario, then the parameters
/// and the design against it.
struct SweepReader {
    let file: String
    let sink: DiagnosticSink

    /// Throws the diagnostics collected so far, if any.
    func stopIfProblems() throws {
        if !sink.diagnostics.isEmpty { throw ScenarioError(sink.diagnostics, primaryFile: file) }
    }

    /// Throws the diagnostics collected so far (there is at least one when reading cannot go on).
    func abort() throws -> Never {
        try stopIfProblems()
        throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, message: "sweep file could not be read")])
    }

    func read(_ document: Located, text: String) throws -> Sweep {
        guard let top = document.mapping("the sweep") else { try abort() }
        let name = top.required("name", expected: "a short name for reports")?.string("name")
        _ = top.optional("description")?.string("description")
        let scenarioNode = top.required("scenario", expected: "the base scenario file, relative to this file")
        let seed = top.optional("seed")?.integer("seed", in: 0...Int.max)
        let replications = top.optional("replications")?.integer("replications", in: 1...1_000_000)
        let randomNumbers = top.optional("random_numbers")?.choice(
            "random_numbers", among: ["independent": RandomNumberPolicy.independent, "common": .common]) ?? .independent
        let record = top.optional("record")?.choice(
            "record", among: ["kpis": SweepRecording.kpis, "standard": .standard, "all": .all]) ?? .kpis
        let output = top.optional("output")?.string("output").map { SweepLoader.resolve($0, against: file) }
        let kpis = readKPINames(top.optional("kpis"))
        let parametersNode = top.optional("parameters")
        let designNode = top.optional("design")
        let fixedNode = top.optional("fixed")
        top.finish()
        let design = readDesign(designNode)

        guard let scenarioNode, let relative = scenarioNode.string("scenario") else {
            try abort()
        }
        let scenarioFile = SweepLoader.resolve(relative, against: file)
        guard FileManager.default.fileExists(atPath: scenarioFile),
              let scenarioText = FileManager.default.contents(atPath: scenarioFile)
                  .flatMap({ String(data: $0, encoding: .utf8) }) else {
            let exists = FileManager.default.fileExists(atPath: scenarioFile)
            scenarioNode.error("scenario file '\(relative)' "
                                   + "\(exists ? "cannot be read as UTF-8 text" : "does not exist")"
                + (relative == scenarioFile ? "" : " (looked for \(scenarioFile))"))
            try abort()
        }
        let base: Scenario
        do {
            base = try ScenarioLoader.load(path: scenarioFile)
        } catch let error as ScenarioError {
            var diagnostics = sink.diagnostics
            diagnostics.append(Diagnostic(file: file, line: scenarioNode.line, column: scenarioNode.column,
                                          message: "the base scenario '\(relative)' does not load (its "
                                              + "problems follow)"))
            throw ScenarioError(diagnostics + error.diagnostics, primaryFile: file)
        }
        guard let scenarioRoot = try ScenarioLoader.document(scenarioText, file: scenarioFile) else {
            scenarioNode.error("scenario file '\(relative)' is empty")
            try abort()
        }

        let context = ParameterContext(design: design?.design ?? .grid, scenarioRoot: scenarioRoot,
                                       variants: base.variants)
        let fixed = readFixed(fixedNode, scenarioRoot: scenarioRoot)
        var parameters = readParameters(parametersNode, context: context, required: design?.design != .points,
                                        document: document)
        var explicitPoints: [SweepPoint] = []
        if let list = design?.points {
            (parameters, explicitPoints) = readPoints(list, declared: parameters, context: context)
        }
        try stopIfProblems()

        let sweepSeed = seed.map(UInt64.init) ?? base.run.seed
        let points: [SweepPoint]
        var tooLarge = false
        switch design?.design ?? .grid {
        case .grid:
            if let count = DesignExpansion.gridSize(parameters), count <= DesignExpansion.mostPoints {
                points = DesignExpansion.grid(parameters)
            } else {
                let size = DesignExpansion.gridSize(parameters).map(String.init) ?? "more than \(Int.max)"
                (designNode ?? parametersNode
                     ?? document).error("the grid has \(size) points (the product of the parameters' "
                    + "value counts), more than the \(DesignExpansion.mostPoints) a sweep may have; use "
                    + "fewer values, or a "
                    + "random or latin_hypercube design")
                points = []
                tooLarge = true
            }
        case .points: points = explicitPoints
        case .random(let count): points = DesignExpansion.random(parameters, count: count, seed: sweepSeed)
        case .latinHypercube(let count): points = DesignExpansion.latinHypercube(parameters, count: count,
                                                                                 seed: sweepSeed)
        }
        if points.isEmpty && !tooLarge {
            (designNode ?? parametersNode ?? document).error("the design has no points")
        }
        try stopIfProblems()

        var sweep = Sweep(
            name: name ?? "", file: file, sourceText: text, scenarioFile: scenarioFile, scenarioText: scenarioText,
            baseScenario: base, seed: sweepSeed, replications: replications ?? base.run.replications,
            randomNumbers: randomNumbers, parameters: parameters, design: design?.design ?? .grid, record: record,
            kpis: kpis, output: output, points: points, fixed: fixed,
            template: try ScenarioTemplate(text: scenarioText, file: scenarioFile),
            pointsMark: (top.keyNode("parameters") ?? top.keyNode("design"))?.node.mark)
        if !fixed.isEmpty {
            do {
                sweep.baseScenario = try sweep.template.scenario(variant: nil, overrides: fixed)
            } catch let error as ScenarioError {
                throw ScenarioError(sweep.sweepDiagnostics(error, point: nil, overrides: fixed), primaryFile: file)
            }
        }
        return sweep
    }

    /// `kpis:` a list of KPI names (checked against the runs' KPIs when merging).
    func readKPINames(_ node: Located?) -> [LocatedName] {
        guard let items = node?.sequence("kpis") else { return [] }
        var names: [LocatedName] = []
        for item in items {
            guard let name = item.string("a KPI name") else { continue }
            if names.contains(where: { $0.name == name }) { item.error("KPI '\(name)' is listed twice"); continue }
            names.append(LocatedName(name: name, line: item.line, column: item.column))
        }
        return names
    }

    /// `fixed:` values set in every point (a mapping of path → value).
    func readFixed(_ node: Located?, scenarioRoot: Node) -> [ScenarioOverride] {
        guard let mapping = node?.mapping("fixed") else { return [] }
        var overrides: [ScenarioOverride] = []
        for entry in mapping.namedEntries {
            guard let path = checkPath(entry.name, key: entry.key, scenarioRoot: scenarioRoot, allowVariant: false)
            else { continue }
            overrides.append(ScenarioOverride(path: path, value: entry.value.node, keyMark: entry.key.node.mark))
        }
        mapping.namedEntries.forEach { _ = mapping.optional($0.name) }
        mapping.finish()
        return overrides
    }

    /// Checks a parameter path against the scenario; nil (with a diagnostic at `key`) when it is
    /// malformed, reserved or absent.
    func checkPath(_ text: String, key: Located, scenarioRoot: Node, allowVariant: Bool) -> ScenarioPath? {
        if text == "variants" {
            key.error("to sweep over variants, name the parameter 'variant' (one variant per point), e.g. 'variant: "
                          + "[base, three_shifts]'")
            return nil
        }
        if text == "variant" {
            if !allowVariant { key.error("'variant' is a parameter, not a fixed value; list it under parameters") }
            return nil
        }
        guard let path = ScenarioPath(text) else {
            key.error("'\(text)' is not a parameter path; expected keys separated by dots, e.g. "
                          + "'stations.weld.machines' or 'orders[0].rate'")
            return nil
        }
        if ["run.seed", "run.replications"].contains(text) {
            key.error("\(text) cannot be swept: the sweep sets seeds and replications itself (keys 'seed' and "
                          + "'replications')")
            return nil
        }
        if text.hasPrefix("variants.") || text.hasPrefix("variants[") {
            key.error("\(text): a sweep cannot change the scenario's variants; sweep over them with the "
                          + "parameter 'variant'")
            return nil
        }
        if let problem = path.problem(in: scenarioRoot) {
            key.error("parameter path \(problem)")
            return nil
        }
        return path
    }
}
