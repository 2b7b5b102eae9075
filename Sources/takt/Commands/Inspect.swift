import ArgumentParser
import TaktRecording

/// `takt inspect FILE`: what a result file holds.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise an HDF5 result file: provenance, completion status, runs, KPIs.",
        discussion: """
            Reads a file written by `takt run` (or left as FILE.partial by a run that was killed) \
            and prints its attributes, each replication's table sizes and the KPI intervals. \
            A missing or unreadable file is reported in one message, with exit status 2.

            Examples:
              takt inspect results/flow-line-20261129-080041.h5
              # while a run writes it
              HDF5_USE_FILE_LOCKING=FALSE takt inspect results/line.h5.partial
            """)

    @Argument(help: "The result file (.h5, or a .partial left by a killed run).",
              completion: .file(extensions: ["h5", "partial"]))
    var file: String

    func run() throws {
        do {
            print(try ResultFileInspector.summary(path: file))
        } catch {
            throw InputError(message: "\(error)")
        }
    }
}
