import Foundation
import TaktFactory

/// A measured time series for an environment variable, in CSV:
///
/// ```
/// time,temperature,humidity
/// 0 h,18.5,40
/// 1 h,18.1,42
/// ```
///
/// `time` is a duration from the start of the run (with units); the named column holds numbers.
/// Each value holds until the next row (a step profile). Problems are reported as `file:line:column`.
struct EnvironmentCSV {
    /// The CSV file's path, as used in diagnostics.
    let file: String
    /// The column to read.
    let column: String

    func read(_ text: String) -> (times: [Double], values: [Double], problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        let lines = LineEnds.lines(of: LineEnds.normalised(text)).enumerated().compactMap { offset, line in
            let content = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            let trimmed = content.trimmingWhitespace()
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : (number: offset + 1,
                                                                      fields: OrderCSV.fields(of: content))
        }
        guard let header = lines.first else {
            return ([], [],
                    [Diagnostic(file: file, line: 1, column: 1,
                                message: "the file is empty; expected a header such as 'time,\(column)'")])
        }
        let names = header.fields.map { $0.text.trimmingWhitespace() }
        guard let timeIndex = names.firstIndex(of: "time"), let valueIndex = names.firstIndex(of: column) else {
            let missing = names.contains("time") ? column : "time"
            return ([], [], [Diagnostic(file: file, line: header.number, column: 1,
                                        message: "no column '\(missing)' in the header; it has: "
                                            + "\(names.joined(separator: ", "))")])
        }
        var times: [Double] = [], values: [Double] = []
        for row in lines.dropFirst() {
            guard row.fields.count == names.count else {
                problems.append(Diagnostic(file: file, line: row.number, column: 1,
                                           message: "this row has \(row.fields.count) fields but the header has "
                                               + "\(names.count)"))
                continue
            }
            let timeField = row.fields[timeIndex], valueField = row.fields[valueIndex]
            var time: Double?
            switch Quantity.parseDuration(timeField.text) {
            case .success(let seconds): time = seconds
            case .failure(let syntax): problems.append(Diagnostic(file: file, line: row.number,
                                                                  column: timeField.column,
                                                                  message: "time: \(syntax.message)"))
            }
            guard let value = Double(valueField.text.trimmingWhitespace()), value.isFinite else {
                problems.append(Diagnostic(file: file, line: row.number, column: valueField.column,
                                           message: "\(column) must be a finite number, found '\(valueField.text)'"))
                continue
            }
            guard let time else { continue }
            if let last = times.last, time <= last {
                problems.append(Diagnostic(file: file, line: row.number, column: timeField.column,
                                           message: "times must increase from row to row"))
                continue
            }
            times.append(time)
            values.append(value)
        }
        if problems.isEmpty && values.isEmpty {
            problems.append(Diagnostic(file: file, line: header.number, column: 1, message: "no rows below the header"))
        }
        return (times, values, problems)
    }
}
