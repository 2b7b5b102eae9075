import Foundation
import TaktExperiments

/// The comparison table printed by `takt compare`: one block per variant compared with the
/// reference, one row per KPI.
enum CompareTable {
    static func render(_ result: ComparisonOutcome, scenarioFile: String) -> String {
        let level = Int((result.level * 100).rounded())
        let reference = result.variants[0]
        let replications = result.variants.map(\.results.count).max() ?? 0
        let streams = result.streams == .common ? "common random numbers" : "independent streams"
        var lines = [
            "Scenario: \(result.scenarioName) (\(scenarioFile))",
            "Seed \(result.seed), \(replications) replications per variant, \(streams), warm-up "
                + "\(duration(result.warmUp)), "
                + "\(level)% confidence intervals",
        ]
        if result.interrupted {
            lines.append("Interrupted: the differences use the replications that completed in every variant.")
        }
        for variant in result.variants.dropFirst() {
            let rows = result.differences(of: variant.name)
            let pairs = rows.map(\.n).max() ?? 0
            lines.append("")
            lines.append("\(variant.name) vs \(reference.name): difference = \(variant.name) − \(reference.name), "
                + "paired t over \(pairs) replications")
            lines.append("")
            lines += block(rows, a: reference.name, b: variant.name)
        }
        lines.append("")
        lines.append("* significant: the \(level)% confidence interval of the difference excludes 0.")
        if result.differences.contains(where: { KPITable.estimatedQuantiles.contains($0.kpi) }) {
            lines.append(KPITable.estimateFootnote)
        }
        let rate = result.wallSeconds > 0 ? Double(result.events) / result.wallSeconds : 0
        lines.append("\(result.events) events in \(String(format: "%.2f", result.wallSeconds)) s "
            + "(\(String(format: "%.1f", rate / 1e6)) M events/s on \(result.threads) threads)")
        return lines.joined(separator: "\n")
    }

    /// The aligned rows of one comparison.
    static func block(_ differences: [PairedDifference], a: String, b: String) -> [String] {
        let header = ["KPI", "unit", a, "±", b, "±", "difference", "±", "change", ""]
        var rows = [header]
        for row in differences {
            let scale = max(abs(row.meanA), abs(row.meanB))
            let label = KPITable.estimatedQuantiles.contains(row.kpi) ? row.label + " †" : row.label
            rows.append([label, row.unit, format(row.meanA), format(row.halfWidthA), format(row.meanB),
                         format(row.halfWidthB), format(row.difference, scale: scale),
                         format(row.differenceHalfWidth, scale: scale), change(row.relativeChange),
                         row.significant ? "*" : ""])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                column <= 1 || column == row.count - 1
                    ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }
            lines.append(cells.joined(separator: "  ")
                         .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
            if index == 0 {
                lines.append(widths.dropLast().map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            }
        }
        return lines
    }

    /// Four significant digits (as `takt run`); "n/a" for an undefined value; "≈0" for a
    /// difference that is floating-point rounding (below 1e-12 of the means compared).
    static func format(_ value: Double, scale: Double = 0) -> String {
        guard value.isFinite else { return "n/a" }
        if value != 0 && abs(value) <= 1e-12 * scale { return "≈0" }
        return KPITable.format(value)
    }

    /// "+12.3%", "-4.0%", "0.0%"; "n/a" for a change from 0.
    static func change(_ relative: Double?) -> String {
        guard let relative, relative.isFinite else { return "n/a" }
        let text = String(format: "%+.1f%%", relative * 100)
        return text.dropFirst() == "0.0%" ? "0.0%" : text
    }

    /// "5 d", "8 h", "30 min", "0 s".
    static func duration(_ seconds: Double) -> String {
        for (unit, size) in [("d", 86_400.0), ("h", 3_600.0), ("min", 60.0)] where seconds >= size {
            return String(format: "%g \(unit)", (seconds / size * 1000).rounded() / 1000)
        }
        return String(format: "%g s", seconds)
    }
}
