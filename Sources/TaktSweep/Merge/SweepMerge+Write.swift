import Foundation
import TaktRecording

extension SweepMerge {
    /// Writes `tables` as the merged file at `path` (whole or not at all; an older merged file
    /// is replaced): the tables, the sweep and scenario texts, provenance attributes, and an
    /// external link `/links/run-000017` to the root of each complete run file.
    public func write(_ tables: SweepTables, to path: String, taktVersion: String, gitCommit: String) throws {
        for table in [tables.runs, tables.points] {
            var seen: Set<String> = []
            for column in table.columns where !seen.insert(column.name).inserted {
                throw SweepError("the merged tables would have two columns named '\(column.name)' (a parameter "
                                     + "named like a KPI "
                    + "or a fixed column); rename or drop one")
            }
        }
        let file = try TableFile(path: path)
        do {
            try writeContents(tables, file: file, mergedPath: path, taktVersion: taktVersion, gitCommit: gitCommit)
            try file.close()
        } catch {
            file.abandon()
            throw error
        }
    }

    private func writeContents(_ tables: SweepTables, file: TableFile, mergedPath: String, taktVersion: String,
                               gitCommit: String) throws {
        let allComplete = tables.complete.count == sweep.runCount
        let attributes: [(String, String)] = [
            ("format_version", "1.0"), ("kind", "sweep"), ("sweep_name", sweep.name), ("sweep_file", sweep.file),
            ("scenario_name", sweep.baseScenario.name), ("scenario_file", sweep.scenarioFile),
            ("design", sweep.design.name), ("random_numbers", sweep.randomNumbers.rawValue),
            ("record", sweep.record.rawValue),
            ("fingerprint", sweep.fingerprint), ("completion_status", allComplete ? "complete" : "incomplete"),
            ("created", ISO8601DateFormatter().string(from: Date())), ("takt_version", taktVersion),
            ("git_commit", gitCommit),
            ("host", ProcessInfo.processInfo.hostName),
        ]
        for (name, value) in attributes { try file.attribute(name, value) }
        try file.attribute("output_folder", URL(fileURLWithPath: layout.folder).standardizedFileURL.path)
        try file.attribute("seed", sweep.seed)
        for (name, value) in [("points", sweep.points.count), ("replications", sweep.replications),
                              ("runs", sweep.runCount),
                              ("complete", tables.complete.count), ("failed", tables.failed.count),
                              ("missing", tables.missing.count)] {
            try file.attribute(name, Int64(value))
        }
        try file.attribute("confidence_level", sweep.baseScenario.run.confidenceLevel)
        try file.attribute("parameters", sweep.parameters.map(\.name))
        try file.attribute("kpis", tables.runKPIs.map(\.name))
        try file.attribute("kpis_in_points_only", Int64(tables.kpis.count - tables.runKPIs.count))

        try file.text("source_yaml", sweep.sourceText, group: "sweep", description: "the sweep file as given")
        try file.text("source_yaml", sweep.scenarioText, group: "scenario",
                      description: "the base scenario file as given")
        try file.table(parameterTable, name: "parameters", group: "sweep",
                       description: "the swept parameters: name (scenario path, or variant), column type, format",
                       units: "{}")

        var units: [String: String] = ["simulated_seconds": "s"]
        for kpi in tables.runKPIs { units[kpi.name] = kpi.unit }
        try file.table(tables.runs, name: "runs", group: "/",
                       description: "one row per run (point × replication): parameter values, seed, "
                           + "status and each KPI "
                           + "(NaN unless the run is complete); file is relative to the output folder (attribute "
                           + "output_folder)",
                       units: json(units))
        try file.table(tables.points, name: "points", group: "/",
                       description: "one row per (point, KPI): mean and Student-t confidence interval over the point's "
                           + "complete replications (half_width NaN with fewer than 2)",
                       units: #"{"mean": "see unit column", "half_width": "see unit column", "lower": "see unit "#
                           + #"column", "upper": "see unit column"}"#)
        try file.table(tables.timing, name: "run_timing", group: "/",
                       description: "wall-clock seconds of each complete run (varies between runs; kept "
                           + "apart from /runs)",
                       units: #"{"wall_seconds": "s"}"#)
        try file.table(tables.failures, name: "failures", group: "/",
                       description: "one row per failed run: the error and the exit code it had (task -1: not "
                           + "an array task)",
                       units: "{}")
        try file.attribute("description", "external links to the root of each complete run file", group: "links")
        for run in tables.complete {
            try file.externalLink(SweepLayout.runName(run), group: "links",
                                  targetFile: linkTarget(run, mergedPath: mergedPath))
        }
    }

    /// The run file as seen from the merged file: relative when the merged file is in the
    /// output folder (the folder can then be moved whole), else absolute.
    func linkTarget(_ run: Int, mergedPath: String) -> String {
        let mergedFolder = URL(fileURLWithPath: mergedPath).deletingLastPathComponent().standardizedFileURL.path
        let folder = URL(fileURLWithPath: layout.folder).standardizedFileURL.path
        if mergedFolder == folder { return SweepLayout.relativeRunFile(run) }
        return URL(fileURLWithPath: layout.runFile(run)).standardizedFileURL.path
    }

    var parameterTable: ColumnTable {
        ColumnTable([
            ("name", .string(sweep.parameters.map(\.name))),
            ("type", .string(sweep.parameters.map { $0.isNumeric ? "number" : "text" })),
            ("format", .string(sweep.parameters.map { $0.format ?? "" })),
        ])
    }

    func json(_ dictionary: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: dictionary,
                                                options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
