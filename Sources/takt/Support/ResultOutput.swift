import ArgumentParser
import Foundation
import TaktExperiments
import TaktFactory
import TaktScenario

/// Options for the result file of `takt run`.
struct OutputOptions: ParsableArguments {
    @Option(help: """
        Write the HDF5 result file here (default: results/<scenario>-<UTC time>.h5). An existing file is refused \
        unless --force.
        """, completion: .file(extensions: ["h5"]))
    var out: String?

    @Flag(help: "Write no result file (KPIs on the terminal only).")
    var noOut = false

    @Option(help: """
        Also write the HTML report of the result file here (as `takt report`; needs the result file, so not \
        with --no-out).
        """)
    var report: String?

    @Flag(help: """
        Replace the files named by --out, --report, --gantt and --save-models if they exist (the old file stays until \
        the new one is complete).
        """)
    var force = false

    @Option(help: """
        What the result file records: standard (the scenario's `recording:`; by default events, Gantt, jobs, states, \
        hourly samples), all, or kpis.
        """)
    var record: String?

    @Option(help: "Event kinds to log: all, none, or a comma-separated list such as failure,repair_end.")
    var events: String?

    @Option(help: "Time-series sampling interval, e.g. '10 min', or 'off'.")
    var sample: String?

    @Option(help: """
        Compression of the result file's tables: gzip (default; about half the size) or off (faster to write).
        """)
    var compression: String = "gzip"

    func validate() throws {
        if noOut && out != nil { throw ValidationError("--out and --no-out contradict each other") }
        if noOut && report != nil { throw ValidationError("--report is made from the result file: drop --no-out") }
        if !["gzip", "off"].contains(compression) {
            throw ValidationError("--compression must be gzip or off, got '\(compression)'")
        }
        if let record, !["standard", "all", "kpis"].contains(record) {
            throw ValidationError("--record must be standard, all or kpis, got '\(record)'")
        }
    }

    /// The recording options: the scenario's, changed by the flags.
    func recording(for scenario: Scenario) throws -> RecordingOptions {
        var options: RecordingOptions
        switch record {
        case "all": options = .full(sampleInterval: scenario.recording.sampleInterval ?? 3600)
        case "kpis": options = .kpisOnly
        default: options = scenario.recording
        }
        if let events {
            switch events {
            case "all": options.events = .all
            case "none": options.events = .none
            default:
                var kinds: Set<EventKind> = []
                for name in events.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                    guard let kind = EventKind.allCases.first(where: { $0.name == name }) else {
                        throw InputError(message: "--events: unknown event kind '\(name)'; expected all, "
                                             + "none or some of "
                            + EventKind.allCases.map(\.name).joined(separator: ", "))
                    }
                    kinds.insert(kind)
                }
                options.events = .kinds(kinds)
            }
        }
        if let sample {
            if sample == "off" {
                options.sampleInterval = nil
            } else {
                switch Quantity.parseDuration(sample) {
                case .success(let seconds) where seconds > 0: options.sampleInterval = seconds
                case .success: throw InputError(message: "--sample must be positive")
                case .failure(let problem): throw InputError(message: "--sample: \(problem.message)")
                }
            }
        }
        return options
    }

    /// The path to write, or nil for none, checked before anything runs (`OutputPath`): an
    /// existing file is refused without --force, and with it is replaced only when the new file
    /// is closed; a leftover `.partial` is removed only with --force.
    func path(for scenario: Scenario) throws -> String? {
        if noOut { return nil }
        let path = out ?? ResultOutput.defaultPath(for: scenario)
        try OutputPath.check(path, option: "--out", force: force)
        try OutputPath.clearPartial(of: path, option: "--out", force: force)
        return path
    }

    /// Checks the `--report` path before anything runs (nil when not asked for).
    func checkReport() throws {
        if let report { try OutputPath.check(report, option: "--report", force: force) }
    }

    /// Writes the `--report` page of `resultFile` when asked for, saying where on standard error
    /// when standard output carries JSON.
    func writeReport(of resultFile: String?, json: Bool) throws {
        guard let report, let resultFile else { return }
        try ReportPage.write(resultFile: resultFile, to: report, option: "--report")
        if json {
            FileHandle.standardError.write(Data("Report: \(report)\n".utf8))
        } else {
            print("Report: \(report)")
        }
    }
}

/// Naming and provenance of result files.
enum ResultOutput {
    /// results/<scenario file stem>[-<variant>]-<yyyyMMdd-HHmmss>.h5, never an existing name.
    static func defaultPath(for scenario: Scenario) -> String {
        let stem = URL(fileURLWithPath: scenario.file).deletingPathExtension().lastPathComponent
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "results/\(stem)\(scenario.variant.map { "-\($0)" } ?? "")-\(formatter.string(from: Date()))"
        var candidate = base + ".h5"
        var counter = 2
        while FileManager.default.fileExists(atPath: candidate)
            || FileManager.default.fileExists(atPath: candidate + ".partial") {
            candidate = "\(base)-\(counter).h5"
            counter += 1
        }
        return candidate
    }

    /// The git commit of the checkout the running binary was built in, or "unknown".
    static func gitCommit() -> String {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", binary.path, "rev-parse", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch { return "unknown" }
        guard process.terminationStatus == 0 else { return "unknown" }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Turns SIGINT and SIGTERM into a stop request, so an interrupted run closes its file properly.
final class InterruptHandler: @unchecked Sendable {
    let signal = StopSignal()
    private var sources: [DispatchSourceSignal] = []

    /// - Parameter message: what is printed on standard error when a signal arrives.
    init(message: String = "\ntakt: stopping — finishing the current slice and closing the result file…\n") {
        for number in [SIGINT, SIGTERM] {
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            let stop = signal
            source.setEventHandler {
                stop.request()
                FileHandle.standardError.write(Data(message.utf8))
            }
            source.resume()
            sources.append(source)
        }
    }
}
