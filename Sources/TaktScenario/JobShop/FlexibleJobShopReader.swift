import Foundation
import TaktScheduling

/// Reads a flexible job-shop instance in Brandimarte's text format (`.fjs`, as distributed with
/// the Brandimarte, Hurink and Dauzère-Pérès–Paulli benchmark sets):
///
/// ```
/// 2 3 1.5          jobs machines [average machines per operation, ignored]
/// 2  1 1 5  2 2 4 3 6     job 0: 2 operations; the first on machine 1 (5), the second on 2 (4) or 3 (6)
/// 1  1 3 2                job 1: 1 operation, on machine 3 (2)
/// ```
///
/// Each job line gives its number of operations, then for each operation the number k of
/// eligible machines followed by k pairs `machine time`. **Machines are numbered from 1 in the
/// file**; the problem numbers them from 0, and `takt schedule` prints them from 1 again.
/// Times are whole numbers from 0 to `longestTime`. Blank lines and lines starting with `#` are
/// skipped; CR, CRLF and LF line ends are alike. Every problem is reported at its
/// `file:line:column` with what was expected.
public enum FlexibleJobShopReader {
    /// The longest processing time accepted, in the file's units (also for OR-Library files read
    /// by `SchedulingFile`): 10⁹, so sums over any accepted instance fit 64-bit integers.
    public static let longestTime = 1_000_000_000
    /// The most operations of one job.
    public static let mostOperationsPerJob = 10_000

    /// The problem in `text`; `file` names it in messages.
    public static func read(text: String, file: String) throws -> SchedulingProblem {
        var diagnostics: [Diagnostic] = []
        func fail(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
        }
        let lines = LineEnds.lines(of: LineEnds.normalised(text)).enumerated()
            .map { (number: $0.offset + 1, fields: JobShopInstance.fields($0.element), length: $0.element.count) }
            .filter { !$0.fields.isEmpty && !$0.fields[0].text.hasPrefix("#") }
        guard let header = lines.first else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1,
                                            message: "empty flexible job-shop file; expected a first line 'jobs "
                                                     + "machines'")])
        }
        guard (2...3).contains(header.fields.count) else {
            throw ScenarioError([Diagnostic(file: file, line: header.number, column: 1,
                message: "expected the header 'jobs machines [average machines per operation]', found "
                         + "\(header.fields.count) fields")])
        }
        var jobCount = 0, machineCount = 0
        for (index, limit) in [(0, JobShopInstance.mostJobs), (1, JobShopInstance.mostMachines)] {
            let field = header.fields[index]
            let what = index == 0 ? "the number of jobs" : "the number of machines"
            switch wholeNumber(field.text) {
            case .value(let value) where (1...limit).contains(value):
                if index == 0 { jobCount = value } else { machineCount = value }
            case .value(let value):
                fail(header.number, field.column,
                     "\(what) must be from 1 to \(limit), found \(value); see docs/limits.md")
            case .tooLarge:
                fail(header.number, field.column,
                     "\(what) is too large, found '\(field.text)'; expected at most \(limit)")
            case .notWhole:
                fail(header.number, field.column, "expected \(what) as a whole number, found '\(field.text)'")
            }
        }
        if header.fields.count == 3, Double(header.fields[2].text) == nil {
            fail(header.number, header.fields[2].column,
                 "expected the average number of machines per operation (a number), found '\(header.fields[2].text)'")
        }
        if !diagnostics.isEmpty { throw ScenarioError(diagnostics) }

        let jobLines = Array(lines.dropFirst())
        if jobLines.count < jobCount {
            fail(lines.last!.number, lines.last!.length + 1,
                 "expected \(jobCount) job lines after the header, found \(jobLines.count)")
        }
        if jobLines.count > jobCount {
            let extra = jobLines[jobCount]
            fail(extra.number, 1, "expected \(jobCount) job lines after the header (as it says), found another line")
        }
        var jobs: [[SchedulingProblem.Operation]] = []
        for line in jobLines.prefix(jobCount) {
            var cursor = FieldCursor(fields: line.fields, line: line.number, endColumn: line.length + 1)
            do {
                let operations = try cursor.number("the number of operations of the job", in: 1...mostOperationsPerJob)
                var job: [SchedulingProblem.Operation] = []
                for k in 0..<operations {
                    let which = "operation \(k + 1) of \(operations)"
                    let (choices,
                         choicesColumn) = try cursor.numberWithColumn("the number of eligible machines of \(which)",
                                                                               in: 0...machineCount)
                    guard choices > 0 else {
                        throw LineProblem(column: choicesColumn,
                                         message: "\(which) has no eligible machine; expected at least 1 (from 1 to "
                                                  + "\(machineCount))")
                    }
                    var alternatives: [SchedulingProblem.Alternative] = []
                    for _ in 0..<choices {
                        let (machine, machineColumn) = try cursor.numberWithColumn("a machine of \(which)",
                                                                                   in: 1...machineCount)
                        let time = try cursor.number("the processing time of \(which) on machine \(machine)",
                                                     in: 0...longestTime)
                        guard !alternatives.contains(where: { $0.machine == machine - 1 }) else {
                            throw LineProblem(column: machineColumn,
                                             message: "\(which) lists machine \(machine) twice; expected each "
                                                      + "eligible machine once")
                        }
                        alternatives.append(.init(machine: machine - 1, duration: time))
                    }
                    job.append(.init(alternatives: alternatives))
                }
                if let extra = cursor.peek {
                    throw LineProblem(column: extra.column,
                                     message: "expected the job line to end after its \(operations) operations, "
                                              + "found '\(extra.text)'")
                }
                jobs.append(job)
            } catch let problem as LineProblem {
                fail(line.number, problem.column, problem.message)
            }
        }
        if !diagnostics.isEmpty { throw ScenarioError(diagnostics) }
        return SchedulingProblem(machineCount: machineCount, jobs: jobs)
    }

    /// A token read as a whole number.
    enum WholeNumber: Equatable {
        case value(Int)
        /// Digits (with an optional sign) too many for a 64-bit integer.
        case tooLarge
        case notWhole
    }

    static func wholeNumber(_ text: String) -> WholeNumber {
        if let value = Int(text) { return .value(value) }
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        if !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return .tooLarge }
        return .notWhole
    }
}

/// A problem at a column of the line being read.
private struct LineProblem: Error {
    var column: Int
    var message: String
}

/// Reads the fields of one line in order, failing with a located diagnostic.
private struct FieldCursor {
    let fields: [(text: String, column: Int)]
    let line: Int
    let endColumn: Int
    var next = 0

    var peek: (text: String, column: Int)? { next < fields.count ? fields[next] : nil }

    mutating func number(_ what: String, in range: ClosedRange<Int>) throws -> Int {
        try numberWithColumn(what, in: range).value
    }

    mutating func numberWithColumn(_ what: String, in range: ClosedRange<Int>) throws -> (value: Int, column: Int) {
        guard let field = peek else {
            throw LineProblem(column: endColumn,
                             message: "the line ends too early (truncated?); expected \(what)")
        }
        next += 1
        switch FlexibleJobShopReader.wholeNumber(field.text) {
        case .value(let value) where range.contains(value):
            return (value, field.column)
        case .value(let value):
            throw LineProblem(column: field.column,
                             message: "expected \(what) from \(range.lowerBound) to \(range.upperBound), found "
                                      + "\(value)")
        case .tooLarge:
            throw LineProblem(column: field.column,
                             message: "number too large, found '\(field.text)'; expected \(what), at most "
                                      + "\(range.upperBound)")
        case .notWhole:
            throw LineProblem(column: field.column,
                             message: "expected \(what) as a whole number from \(range.lowerBound) to "
                                      + "\(range.upperBound), "
                                 + "found '\(field.text)'")
        }
    }
}
