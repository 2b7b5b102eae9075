import ArgumentParser
import Foundation
import TaktRecording
import TaktSweep

/// `takt sweep merge SWEEP`: one summary HDF5 file from the run files.
struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge a sweep's run files into one summary HDF5 file.",
        discussion: """
            Writes <out>/sweep.h5 (or --merged FILE): /runs, a tidy table with one row per run \
            (parameter values, seed, status, each KPI), /points, one row per point and KPI (mean \
            and confidence interval over the point's replications), /failures, and /links/run-N, \
            external links to each complete run file. Missing runs are listed and keep NaN KPIs; \
            merge again once they are complete. The KPIs are those of the sweep's kpis: (all by \
            default). Analysts read it with takt_h5.open_sweep(path).

            Examples:
              takt sweep merge scenarios/sweeps/two-shifts-staffing.yaml
              takt sweep merge my-sweep.yaml --out /scratch/me/sweep \\
                  --merged results/my-sweep.h5
              takt sweep merge scenarios/sweeps/two-shifts-staffing.yaml \\
                  --report results/staffing.html
            """)

    @OptionGroup var file: SweepFileOptions

    @Option(help: "Write the merged file here (default: <out>/sweep.h5). An existing merged file is replaced.",
            completion: .file(extensions: ["h5"]))
    var merged: String?

    @Option(help: """
        Also write the HTML report of the merged file here (as `takt report`); an existing report is replaced.
        """)
    var report: String?

    func run() throws {
        let sweep = try file.load()
        let layout = file.layout(for: sweep)
        guard FileManager.default.fileExists(atPath: layout.runsFolder) else {
            throw InputError(message: "\(layout.folder) has no runs yet: run the sweep first (takt sweep run "
                                 + "\(file.sweep))")
        }
        let merge = SweepMerge(sweep: sweep, layout: layout)
        let tables = try asInputError { try merge.tables() }
        let path = merged ?? layout.mergedFile
        if let report { try OutputPath.check(report, option: "--report", force: true) }
        do {
            try merge.write(tables, to: path, taktVersion: Takt.version, gitCommit: ResultOutput.gitCommit())
        } catch let error as HDF5Error {
            throw InputError(message: "cannot write \(path): \(error)")
        }
        let status = tables.complete.count == sweep.runCount ? "all complete"
            : "\(tables.failed.count) failed, \(tables.missing.count) missing"
        print("Merged \(tables.complete.count) of \(sweep.runCount) runs (\(status)) into \(path)")
        print("  /runs \(tables.runs.rowCount) rows, /points \(tables.points.rowCount) rows "
            + "(\(sweep.points.count) points × \(tables.kpis.count) KPIs), /links \(tables.complete.count) run files")
        if tables.runKPIs.count < tables.kpis.count {
            print("  /runs holds the \(tables.runKPIs.count) plant-wide KPIs; all \(tables.kpis.count) are in /points "
                + "(more than \(SweepMerge.maximumRunColumns); list the ones you want as columns under kpis:)")
        }
        if !tables.missing.isEmpty { print("  missing runs: \(IndexRanges.format(tables.missing))") }
        if !tables.failed.isEmpty { print("  failed runs: \(IndexRanges.format(tables.failed)) (takt sweep status)") }
        if sweep.points.count <= 60 { print(""); print(PointTable.render(tables, sweep: sweep)) }
        if let report {
            try ReportPage.write(resultFile: path, to: report, option: "--report")
            print("Report: \(report)")
        }
    }
}

/// The per-point means of the first KPIs as a terminal table.
enum PointTable {
    static func render(_ tables: SweepTables, sweep: Sweep, maxKPIs: Int = 4) -> String {
        let kpis = Array(tables.kpis.prefix(maxKPIs))
        guard case .double(let means)? = tables.points["mean"], case .double(let halves)? = tables.points["half_width"],
              case .string(let names)? = tables.points["kpi"] else { return "" }
        let perPoint = tables.kpis.count
        var headers = ["point"] + sweep.parameters.map(\.name)
        headers += kpis.map { $0.unit.isEmpty ? $0.name : "\($0.name) [\($0.unit)]" }
        var rows: [[String]] = []
        for point in sweep.points.indices {
            var row = ["\(point)"] + sweep.points[point].values.map(\.label)
            for (offset, kpi) in kpis.enumerated() {
                let at = point * perPoint + offset
                precondition(names[at] == kpi.name)
                let half = halves[at].isNaN ? "" : " ± " + format(halves[at])
                row.append(means[at].isNaN ? "–" : format(means[at]) + half)
            }
            rows.append(row)
        }
        let widths = headers.indices.map { column in max(headers[column].count,
                                                         rows.map { $0[column].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        let level = String(format: "%g%%", sweep.baseScenario.run.confidenceLevel * 100)
        var lines = ["Mean ± half-width of the \(level) confidence interval over \(sweep.replications) replications"
            + (tables.kpis.count > kpis.count ? " (first \(kpis.count) of \(tables.kpis.count) KPIs)" : "") + ":"]
        lines.append(line(headers))
        lines.append(line(widths.map { String(repeating: "-", count: $0) }))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1000 || magnitude == 0 { return String(format: "%.0f", value) }
        if magnitude >= 10 { return String(format: "%.1f", value) }
        if magnitude >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3g", value)
    }
}
