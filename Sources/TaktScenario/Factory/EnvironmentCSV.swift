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
/// Each value holds until the next row (a step profile). Times may be timestamps when the file's
/// `start` is declared; with `;` as the delimiter a decimal comma (`18,5`) is read too. The
/// file's syntax is `CSVTable`'s. Problems are reported as `file:line:column`.
struct EnvironmentCSV {
    /// The CSV file's path, as used in diagnostics.
    let file: String
    /// The column to read.
    let column: String
    /// The declared delimiter and time 0.
    var options = CSVOptions()

    func read(_ text: String) -> (times: [Double], values: [Double], problems: [Diagnostic]) {
        let table = CSVTable(text, file: file, delimiter: options.delimiter)
        var problems = table.problems
        let lines = table.records.map { (number: $0.line, fields: $0.fields) }
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
            switch options.seconds(timeField.text) {
            case .success(let seconds): time = seconds
            case .failure(let syntax): problems.append(Diagnostic(file: file, line: row.number,
                                                                  column: timeField.column,
                                                                  message: "time: \(syntax.message)"))
            }
            let text = valueField.text.trimmingWhitespace()
            let number = table.delimiter == ";" ? text.replacingOccurrences(of: ",", with: ".") : text
            guard let value = Double(number), value.isFinite else {
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
