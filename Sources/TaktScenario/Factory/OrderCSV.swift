import Foundation
import TaktFactory

/// An order list in CSV, as exported from an ERP system:
///
/// ```
/// time,product,quantity,due,priority
/// 0 s,widget,5,2 d,1
/// 30 min,gadget,,,
/// ```
///
/// Columns may come in any order; `time` and `product` are required, `quantity` (default 1),
/// `due` (absolute, from the start; default none) and `priority` (default 0) are optional, as are
/// their cells. Times are durations with units, or timestamps when the file's `start` is
/// declared. The file's syntax (line ends, delimiter, quotes, comments) is `CSVTable`'s.
/// Problems are reported as `file:line:column`.
struct OrderCSV {
    typealias Field = CSVTable.Field

    /// The CSV file's path, as used in diagnostics.
    let file: String
    /// The products an order may name.
    let products: NameTable
    /// The declared delimiter and time 0.
    var options = CSVOptions()

    /// The columns a header may have.
    static let columns = ["time", "product", "quantity", "due", "priority"]

    /// The orders in file order, and every problem found.
    func read(_ text: String) -> (orders: [ScheduledOrder], problems: [Diagnostic]) {
        let table = CSVTable(text, file: file, delimiter: options.delimiter)
        var problems = table.problems
        let lines = table.records.map { (number: $0.line, fields: $0.fields) }
        guard let header = lines.first else {
            return ([],
                    [Diagnostic(file: file, line: 1, column: 1,
                                message: "the order file is empty; expected a header such as "
                                    + "'time,product,quantity,due,priority'")])
        }
        let columns = readHeader(header.fields, line: header.number, problems: &problems)
        guard problems.isEmpty else { return ([], problems) }
        var orders: [ScheduledOrder] = []
        for row in lines.dropFirst() {
            guard row.fields.count == columns.count else {
                problems.append(Diagnostic(file: file, line: row.number, column: 1,
                    message: "this row has \(row.fields.count) fields but the header has \(columns.count) "
                        + "(\(columns.joined(separator: String(table.delimiter))))"))
                continue
            }
            let cells = Dictionary(uniqueKeysWithValues: zip(columns, row.fields))
            if let order = readRow(cells, line: row.number, problems: &problems) { orders.append(order) }
        }
        return (orders, problems)
    }

    /// The header's column names; unknown, repeated and missing required columns are problems.
    func readHeader(_ fields: [Field], line: Int, problems: inout [Diagnostic]) -> [String] {
        var names: [String] = []
        for field in fields {
            let name = field.text.lowercased()
            if !Self.columns.contains(name) {
                let hint = Suggestion.closest(to: name, among: Self.columns).map { "did you mean '\($0)'? " } ?? ""
                problems.append(Diagnostic(file: file, line: line, column: field.column,
                    message: "unknown column '\(field.text)'; \(hint)expected columns: "
                        + "\(Self.columns.joined(separator: ", "))"))
            } else if names.contains(name) {
                problems.append(Diagnostic(file: file, line: line, column: field.column,
                                           message: "column '\(name)' appears twice"))
            }
            names.append(name)
        }
        for required in ["time", "product"] where !names.contains(required) {
            problems.append(Diagnostic(file: file, line: line, column: 1,
                message: "the header has no '\(required)' column; expected e.g. 'time,product,quantity,due,priority'"))
        }
        return names
    }

    /// One order from its cells by column name; nil (with problems) if a cell is bad.
    func readRow(_ cells: [String: Field], line: Int, problems: inout [Diagnostic]) -> ScheduledOrder? {
        var valid = true
        func problem(_ field: Field, _ message: String) {
            valid = false
            problems.append(Diagnostic(file: file, line: line, column: field.column, message: message))
        }
        /// The cell's duration in seconds; nil when the cell is empty, absent or bad.
        func duration(_ column: String) -> Double? {
            guard let field = cells[column], !field.text.isEmpty else { return nil }
            switch options.seconds(field.text) {
            case .success(let seconds) where seconds >= 0: return seconds
            case .success: problem(field, "\(column) must be zero or positive, found '\(field.text)'")
            case .failure(let syntax): problem(field, "\(column): \(syntax.message)")
            }
            return nil
        }
        /// The cell's whole number; `value` when the cell is empty or absent.
        func integer(_ column: String, default value: Int, in range: ClosedRange<Int>) -> Int {
            guard let field = cells[column], !field.text.isEmpty else { return value }
            guard let number = Int(field.text), range.contains(number) else {
                problem(field,
                        "\(column) must be a whole number from \(range.lowerBound) to \(range.upperBound), found "
                            + "'\(field.text)'")
                return value
            }
            return number
        }
        let time = duration("time")
        if let field = cells["time"], field.text.isEmpty {
            problem(field, "time is empty; every order needs its arrival time, e.g. '30 min'")
        }
        var product: Int?
        if let field = cells["product"] {
            product = products.index(of: field.text)
            if product == nil {
                problem(field,
                        field.text.isEmpty ? "product is empty; every order names a product"
                            : products.undefined(field.text))
            }
        }
        let quantity = integer("quantity", default: 1, in: 1...InputLimits.largestQuantity)
        let due = duration("due")
        let priority = integer("priority", default: 0, in: -InputLimits.largestPriority...InputLimits.largestPriority)
        guard valid, let time, let product else { return nil }
        return ScheduledOrder(time: time, product: product, quantity: quantity, due: due, priority: priority)
    }
}
