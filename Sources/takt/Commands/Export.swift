import ArgumentParser
import Foundation

/// `takt export RESULT.h5 --format parquet|csv`: the result file's tables as Parquet or CSV files,
/// tidy over every variant and replication. Written by the analyst kit (`python3 -m takt_h5
/// export`), so that the files are the ones `Run.to_parquet` writes; Takt links no Parquet writer.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a result file's tables as Parquet or CSV files, for tools without HDF5.",
        discussion: """
            Every per-run table (events, operations, jobs, states, timeseries, quality tables) of \
            every variant and replication becomes one tidy file with the columns variant and \
            replication first, beside kpis and runs; units go into the Parquet metadata \
            (takt.units) or units.json. Runs the analyst kit (python3 -m takt_h5 export with the \
            checkout's .venv when there is one; set TAKT_PYTHON for another interpreter), which \
            needs pyarrow for Parquet.

            Examples:
              takt export results/run.h5
              takt export results/run.h5 --format csv --table jobs --out results/jobs
            """)

    @Argument(help: ArgumentHelp("The result file (takt run or takt compare --out).", valueName: "result.h5"),
              completion: .file(extensions: ["h5"]))
    var file: String

    @Option(help: "parquet or csv.")
    var format: ExportFormat = .parquet

    @Option(name: .customLong("table"), help: "A table to write (repeatable); default every table in the file.")
    var tables: [String] = []

    @Option(help: "The folder to write into (default: the file's name without .h5, plus -tables).",
            completion: .directory)
    var out: String?

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case parquet, csv
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else {
            throw InputError(message: "no result file at \(file)")
        }
        let python = ReportPage.python()   // TAKT_PYTHON, else the checkout's .venv, else python3
        var arguments = ["-m", "takt_h5", "export", file, "--format", format.rawValue]
        for table in tables { arguments += ["--table", table] }
        if let out { arguments += ["--out", out] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        do {
            try process.run()
        } catch {
            throw InputError(message: "takt export runs the analyst kit with \(python), which could not start "
                + "(\(error.localizedDescription)); install it with scripts/setup.sh or set TAKT_PYTHON")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ArgumentParser.ExitCode(process.terminationStatus == 2 ? ExitCode.inputError : ExitCode.runFailed)
        }
    }
}
