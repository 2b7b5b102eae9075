import ArgumentParser
import Foundation
import TaktSweep

/// `takt sweep status SWEEP`: complete, missing and failed runs.
struct SweepStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List a sweep's complete, missing and failed runs.",
        discussion: """
            Reads the output folder: a run is complete when its file is, failed when it left a \
            failure record, in progress (or interrupted, or killed) when only a temporary file \
            exists, and missing otherwise. Failed runs are listed with their exit code and error.

            Examples:
              takt sweep status scenarios/sweeps/two-shifts-staffing.yaml
              takt sweep status my-sweep.yaml --out /scratch/me/sweep --json
            """)

    @OptionGroup var file: SweepFileOptions

    @Flag(help: "Print the status as JSON.")
    var json = false

    func run() throws {
        let sweep = try file.load()
        let layout = file.layout(for: sweep)
        if let manifest = try asInputError({ try layout.readManifest() }) {
            try asInputError { try layout.check(manifest, against: sweep) }
        }
        let states = layout.scan(runCount: sweep.runCount)
        let complete = states.indices.filter { states[$0].isComplete }
        let inProgress = states.indices.filter { states[$0] == .inProgress }
        let missing = states.indices.filter { states[$0] == .missing }
        let failed: [FailureRecord] = states.compactMap { if case .failed(let record) = $0 { return record }
        else { return nil } }
        if json {
            let document: [String: Any] = [
                "sweep": sweep.file, "output": layout.folder, "runs": sweep.runCount, "complete": complete.count,
                "missing": missing, "in_progress": inProgress,
                "failed": failed.map { ["run": $0.run, "exit_code": Int($0.exitCode), "error": $0.error,
                                        "host": $0.host] as [String: Any] },
            ]
            let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("Sweep: \(sweep.name) (\(sweep.file)) → \(layout.folder)")
        print("Runs: \(sweep.runCount); complete \(complete.count), failed \(failed.count), "
            + "in progress or interrupted \(inProgress.count), missing \(missing.count)")
        if !failed.isEmpty {
            print("Failed:")
            for record in failed.prefix(20) {
                let first = record.error.split(separator: "\n").first.map(String.init) ?? record.error
                let task = record.task.map { ", task \($0)" } ?? ""
                print("  run \(record.run) (point \(record.point), replication \(record.replication)\(task), "
                          + "\(record.host)): exit \(record.exitCode): \(first)")
            }
            if failed.count > 20 { print("  … and \(failed.count - 20) more (--json lists all)") }
        }
        if !inProgress.isEmpty { print("In progress or interrupted: \(IndexRanges.format(inProgress))") }
        if !missing.isEmpty { print("Missing: \(IndexRanges.format(missing))") }
        if complete.count == sweep.runCount { print("All runs complete: takt sweep merge \(file.sweep)") }
    }
}
