import Foundation
import TaktRecording
import TaktScenario
import TaktScheduling

/// The plain-text result of `takt schedule`.
enum ScheduleReport {
    static func render(_ result: OptimiserResult, input: SchedulingFile, file: String) -> String {
        let problem = input.problem
        let kind = problem.isClassic ? "job shop" : "flexible job shop"
        let interrupted = result.interrupted ? "  (interrupted: best so far)" : ""
        return """
            \(file): \(problem.jobs.count) jobs × \(problem.machineCount) machines, \
            \(problem.operationCount) operations (\(kind))
            makespan     \(result.makespan)\(interrupted)
            lower bound  \(result.lowerBound.value) (\(result.lowerBound.source.rawValue) bound)
            gap          \(String(format: "%.2f",
                                  result.gapPercent))%\(result.makespan == result.lowerBound.value ? " (optimal)" : "")
            seconds      \(String(format: "%.2f", result.seconds)) (best found after \(String(format: "%.2f",
                                                                                              result.bestSeconds)))
            iterations   \(result.iterations) (\(result.walkers) walker\(result.walkers == 1 ? "" : "s"))
            start rule   \(result.startRule.rawValue) (makespan \(result.startMakespan))
            """
    }
}

/// The JSON of `takt schedule --json`, written by hand so that its bytes are stable: keys in a
/// fixed order, one operation per line. Only `seconds` and `best_seconds` vary between runs of
/// an `--iterations` budget.
enum ScheduleJSON {
    static func encode(_ result: OptimiserResult, input: SchedulingFile, file: String, seed: UInt64) -> String {
        let problem = input.problem
        var text = "{\n"
        func field(_ name: String, _ value: String) { text += "  \"\(name)\": \(value),\n" }
        field("file", quoted(file))
        field("format", quoted(input.format.rawValue))
        field("jobs", "\(problem.jobs.count)")
        field("machines", "\(problem.machineCount)")
        field("first_machine_number", "\(input.machineOffset)")
        field("makespan", "\(result.makespan)")
        field("lower_bound", "\(result.lowerBound.value)")
        field("lower_bound_source", quoted(result.lowerBound.source.rawValue))
        field("gap_percent", String(format: "%.4f", result.gapPercent))
        field("optimal", result.makespan == result.lowerBound.value ? "true" : "false")
        field("seconds", String(format: "%.3f", result.seconds))
        field("best_seconds", String(format: "%.3f", result.bestSeconds))
        field("iterations", "\(result.iterations)")
        field("walkers", "\(result.walkers)")
        field("seed", quoted(String(seed)))  // a string: jq and JavaScript round 64-bit numbers
        field("start_rule", quoted(result.startRule.rawValue))
        field("start_makespan", "\(result.startMakespan)")
        field("interrupted", result.interrupted ? "true" : "false")
        text += "  \"operations\": [\n"
        let rows = result.schedule.operations.map { entry in
            "    {\"job\": \(entry.job), \"operation\": \(entry.operation), \"machine\": "
            + "\(entry.machine + input.machineOffset), "
                + "\"start\": \(entry.start), \"end\": \(entry.end)}"
        }
        text += rows.joined(separator: ",\n") + (rows.isEmpty ? "" : "\n")
        text += "  ]\n}\n"
        return text
    }

    /// A JSON string literal.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x",
                                                       scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// The `--out` file of `takt schedule`: the group `/schedule` (see docs/hdf5-layout.md), written
/// as `<path>.partial` and renamed over `path` only when complete.
enum ScheduleResultFile {
    static func write(_ result: OptimiserResult, input: SchedulingFile, file: String, seed: UInt64,
                      to path: String) throws {
        do {
            let table = try TableFile(path: path)
            do {
                try table.attribute("takt_version", Takt.version)
                try table.attribute("kind", "schedule")
                let group = "/schedule"
                try table.attribute("instance_file", file, group: group)
                try table.attribute("format", input.format.rawValue, group: group)
                try table.attribute("first_machine_number", Int64(input.machineOffset), group: group)
                try table.attribute("jobs", Int64(input.problem.jobs.count), group: group)
                try table.attribute("machines", Int64(input.problem.machineCount), group: group)
                try table.attribute("makespan", Int64(result.makespan), group: group)
                try table.attribute("lower_bound", Int64(result.lowerBound.value), group: group)
                try table.attribute("lower_bound_source", result.lowerBound.source.rawValue, group: group)
                try table.attribute("seconds", result.seconds, group: group)
                try table.attribute("iterations", Int64(result.iterations), group: group)
                try table.attribute("walkers", Int64(result.walkers), group: group)
                try table.attribute("seed", seed, group: group)
                try table.attribute("start_rule", result.startRule.rawValue, group: group)
                try table.attribute("interrupted", Int64(result.interrupted ? 1 : 0), group: group)
                try table.text("instance", input.text, group: group, description: "the instance file's text, as read")
                let operations = result.schedule.operations
                let columns = ColumnTable([
                    ("job", .int64(operations.map { Int64($0.job) })),
                    ("operation", .int64(operations.map { Int64($0.operation) })),
                    ("machine", .int64(operations.map { Int64($0.machine + input.machineOffset) })),
                    ("start", .int64(operations.map { Int64($0.start) })),
                    ("end", .int64(operations.map { Int64($0.end) })),
                ])
                try table.table(columns, name: "operations", group: group,
                                description: "one row per operation in file order: job and operation from 0, "
                                             + "machine as in the file",
                                units: "{\"start\": \"file time units\", \"end\": \"file time units\"}")
                try table.close()
            } catch {
                table.abandon()
                throw error
            }
        } catch {
            throw RunError(message: "--out: cannot write \(path): \(error)")
        }
    }
}

/// A one-line progress report on standard error (best, bound, gap, elapsed), only when it is a
/// terminal: updated on every new best and redrawn four times a second so the clock moves on.
final class ScheduleProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private var latest: ScheduleOptimiser.Progress?
    private var drew = false
    private var finished = false
    private var timer: DispatchSourceTimer?

    static func forStandardError() -> ScheduleProgressLine? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let line = ScheduleProgressLine()
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 0.25, repeating: 0.25)
        timer.setEventHandler { [weak line] in line?.draw() }
        line.timer = timer
        timer.resume()
        return line
    }

    /// Records a new best (drawn at the next tick).
    func update(_ progress: ScheduleOptimiser.Progress) {
        lock.lock(); defer { lock.unlock() }
        latest = progress
    }

    private func draw() {
        lock.lock(); defer { lock.unlock() }
        guard !finished, let progress = latest else { return }
        drew = true
        let excess = Double(progress.bestMakespan - progress.lowerBound)
        let gap = progress.lowerBound > 0 ? 100 * excess / Double(progress.lowerBound) : 0
        let line = String(format: "\rbest %d  bound %d  gap %.2f%%  %.1f s ", progress.bestMakespan,
                          progress.lowerBound,
                          gap, Date().timeIntervalSince(started))
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Stops redrawing and clears the line.
    func finish() {
        timer?.cancel()
        lock.lock(); defer { lock.unlock() }
        finished = true
        if drew { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
