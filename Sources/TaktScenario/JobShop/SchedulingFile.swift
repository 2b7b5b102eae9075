import Foundation
import TaktScheduling

/// A job-shop file for `takt schedule`, in either format, read into a `SchedulingProblem`.
///
/// - `.fjs`: Brandimarte's flexible job-shop format (`FlexibleJobShopReader`), machines
///   numbered from 1 in the file;
/// - anything else: OR-Library job-shop text (`JobShopInstance`), machines numbered from 0.
///
/// `machineOffset` is what to add to a 0-based machine index to print it as in the file.
public struct SchedulingFile: Sendable {
    /// The two formats.
    public enum Format: String, Sendable {
        case orLibrary = "or-library"
        case brandimarte = "fjs"
    }

    public var problem: SchedulingProblem
    public var format: Format
    /// The file's text (for recording).
    public var text: String

    /// 0 for OR-Library files, 1 for `.fjs`.
    public var machineOffset: Int { format == .brandimarte ? 1 : 0 }

    /// Reads `path`; problems are `ScenarioError`s located at file:line:column.
    public static func load(path: String) throws -> SchedulingFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data,
                                                                                       encoding: .utf8) else {
            throw ScenarioError([Diagnostic(file: path, line: 1, column: 1,
                                            message: "job-shop file does not exist or cannot be read")])
        }
        return try parse(text: text, file: path)
    }

    /// Parses `text`, choosing the format by the extension of `file`.
    public static func parse(text: String, file: String) throws -> SchedulingFile {
        if file.lowercased().hasSuffix(".fjs") {
            return SchedulingFile(problem: try FlexibleJobShopReader.read(text: text, file: file),
                                  format: .brandimarte, text: text)
        }
        let instance = try JobShopInstance(text: text, file: file)
        try checkWholeTimes(text: text, file: file)
        let jobs = instance.jobs.map { job in job.map { (machine: $0.machine, duration: Int($0.time)) } }
        return SchedulingFile(problem: SchedulingProblem(machineCount: instance.machines, classicJobs: jobs),
                              format: .orLibrary, text: text)
    }

    /// The optimiser works in whole time units: every time of an OR-Library file (which
    /// `takt run` may read as decimal minutes) must be a whole number up to
    /// `FlexibleJobShopReader.longestTime`.
    static func checkWholeTimes(text: String, file: String) throws {
        var diagnostics: [Diagnostic] = []
        let lines = LineEnds.lines(of: LineEnds.normalised(text)).enumerated()
            .map { (number: $0.offset + 1, fields: JobShopInstance.fields($0.element)) }
            .filter { !$0.fields.isEmpty && !$0.fields[0].text.hasPrefix("#") }
        for line in lines.dropFirst() {
            for k in stride(from: 1, to: line.fields.count, by: 2) {
                let field = line.fields[k]
                switch FlexibleJobShopReader.wholeNumber(field.text) {
                case .value(let value) where value <= FlexibleJobShopReader.longestTime: continue
                case .value, .tooLarge:
                    diagnostics.append(Diagnostic(file: file, line: line.number, column: field.column,
                        message: "processing time too large for takt schedule, found '\(field.text)'; expected a "
                                 + "whole number "
                            + "from 0 to \(FlexibleJobShopReader.longestTime)"))
                case .notWhole:
                    diagnostics.append(Diagnostic(file: file, line: line.number, column: field.column,
                        message: "takt schedule needs whole-number processing times, found '\(field.text)'"))
                }
            }
        }
        if !diagnostics.isEmpty { throw ScenarioError(diagnostics) }
    }
}
