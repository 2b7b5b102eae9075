import ArgumentParser
import Foundation

/// `takt report RESULT.h5`: one self-contained HTML page for a run, a comparison or a merged sweep.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an HTML report of a result file: a run, a comparison or a merged sweep.",
        discussion: """
            One self-contained page that opens offline in any browser (Plotly and everything else \
            inlined): the scenario and its provenance, the KPI table with confidence intervals (for a \
            comparison both variants, the difference, its interval and significance, and a before/after \
            chart per KPI group), utilisation by state per station, WIP and queues over time, an \
            interactive Gantt chart of replication 0 (every operation, in a stated time window), \
            controllers' figures beside the truth; for a sweep, any KPI against a parameter and a \
            trade-off chart. Written by the analyst kit (python3 -m takt_h5.report), found in the \
            repository's .venv, or set TAKT_PYTHON. Also: --report FILE on run, compare and sweep merge.

            Examples:
              takt report results/line.h5                       # writes results/line.html
              takt report results/cmp.h5 -o results/cmp-report.html --force
              takt report results/sweeps/fleet-maintenance-policies/sweep.h5
            """)

    @Argument(help: "The result file (.h5) of takt run, takt compare or takt sweep merge.")
    var file: String

    @Option(name: [.customShort("o"), .long], help: "The HTML file to write (default: FILE with .html for .h5).")
    var output: String?

    @Flag(help: "Replace the HTML file if it exists.")
    var force = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else {
            throw InputError(message: "no result file at \(file)")
        }
        let page = output ?? ReportPage.defaultPath(for: file)
        try OutputPath.check(page, option: "--output", force: force)
        try ReportPage.write(resultFile: file, to: page, option: "takt report")
        print("Report: \(page)")
    }
}
