import Foundation
import TaktExperiments

/// The KPI table printed by `takt run`.
enum KPITable {
    /// KPIs that are streaming P² estimates, not exact order statistics: marked † in the table.
    static let estimatedQuantiles: Set<String> = ["flow_time_p50", "flow_time_p95"]

    /// The footnote for the † KPIs (the error is measured in README.md, "A tour of the CLI").
    static let estimateFootnote = "† P² estimate from a stream, typically within 2–5% of the exact percentile of "
        + "the same jobs; exact: takt_h5 Run.flow_time_quantiles() on a file with jobs recorded."

    static func render(_ result: ExperimentResult, scenarioFile: String) -> String {
        let level = result.summaries.first.map { Int(($0.interval.level * 100).rounded()) } ?? 95
        var lines: [String] = []
        lines.append("Scenario: \(result.scenarioName) (\(scenarioFile))")
        lines.append("Seed \(result.seed), \(result.results.count) replications, \(level)% confidence intervals")
        lines.append("")
        let header = ["KPI", "unit", "mean", "± half-width", "theory"]
        var rows: [[String]] = [header]
        for summary in result.summaries {
            let halfWidth = summary.interval.halfWidth.isFinite ? format(summary.interval.halfWidth) : "n/a"
            let label = estimatedQuantiles.contains(summary.name) ? summary.label + " †" : summary.label
            rows.append([label, summary.unit, format(summary.interval.mean), halfWidth,
                         summary.theory.map(format) ?? ""])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            // plain Swift padding: Foundation's padding and trimming cost seconds on a table of
            // 100,000 rows (one per job of a big job-shop instance)
            let cells = row.enumerated().map { column, cell in
                let fill = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return column == 0 || column == 1 ? cell + fill : fill + cell
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            lines.append(line)
            if index == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        if result.summaries.contains(where: { estimatedQuantiles.contains($0.name) }) {
            lines.append("")
            lines.append(estimateFootnote)
        }
        lines.append("")
        let rate = result.wallSeconds > 0 ? Double(result.events) / result.wallSeconds : 0
        lines.append("\(result.events) events in \(String(format: "%.2f", result.wallSeconds)) s "
            + "(\(String(format: "%.1f", rate / 1e6)) M events/s on \(result.threads) threads)")
        return lines.joined(separator: "\n")
    }

    /// Four significant digits, without exponent for everyday magnitudes.
    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e7 || magnitude < 1e-4 { return String(format: "%.4g", value) }
        let decimals = max(0, 3 - Int(floor(log10(magnitude))))
        return String(format: "%.\(decimals)f", value)
    }
}
