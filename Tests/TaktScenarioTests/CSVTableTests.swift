import TaktScenario
import XCTest

/// The one CSV reader: every line end, a byte-order mark, `,`, `;` and tab delimiters, quoted
/// fields, comments, and the line and column of every field.
final class CSVTableTests: XCTestCase {
    typealias Field = CSVTable.Field

    /// The same two-record file in LF, CRLF and CR-only line ends.
    static let lines = ["time,product", "0 s,widget", "", "# a comment", "30 min, gadget"]

    func testEveryLineEndGivesTheSameRecordsAtTheSameLines() {
        let expected = [CSVTable.Record(line: 1, fields: [Field(text: "time", line: 1, column: 1),
                                                          Field(text: "product", line: 1, column: 6)]),
                        CSVTable.Record(line: 2, fields: [Field(text: "0 s", line: 2, column: 1),
                                                          Field(text: "widget", line: 2, column: 5)]),
                        CSVTable.Record(line: 5, fields: [Field(text: "30 min", line: 5, column: 1),
                                                          Field(text: "gadget", line: 5, column: 9)])]
        for end in ["\n", "\r\n", "\r"] {
            for trailing in ["", end] {
                let table = CSVTable(Self.lines.joined(separator: end) + trailing, file: "orders.csv")
                XCTAssertEqual(table.records, expected, "line end \(Array(end.unicodeScalars))")
                XCTAssertEqual(table.problems, [])
            }
        }
    }

    func testAByteOrderMarkIsNotPartOfTheFirstField() {
        let table = CSVTable("\u{FEFF}time;product\r\n0 s;widget\r\n", file: "orders.csv")
        XCTAssertEqual(table.records.first?.fields.first, Field(text: "time", line: 1, column: 1))
        XCTAssertEqual(table.delimiter, ";")
    }

    func testTheDelimiterIsDetectedFromTheHeaderLine() {
        XCTAssertEqual(CSVTable("time,product\n0 s,a;b\n", file: "f").delimiter, ",")
        XCTAssertEqual(CSVTable("# made by SAP, 2026\ntime;product;due\n0 s;a,b;1 d\n", file: "f").delimiter, ";")
        XCTAssertEqual(CSVTable("time\tproduct\n0 s\twidget\n", file: "f").delimiter, "\t")
        XCTAssertEqual(CSVTable("\"a;b\",c\n", file: "f").delimiter, ",", "a delimiter inside quotes does not count")
        XCTAssertEqual(CSVTable("time\n0 s\n", file: "f").delimiter, ",", "one column: the comma")
        let semicolons = CSVTable("time;product\n0 s;a,b\n", file: "f")
        XCTAssertEqual(semicolons.records[1].fields.map(\.text), ["0 s", "a,b"])
    }

    func testADeclaredDelimiterWinsOverDetection() {
        let table = CSVTable("time,product;x\n0 s,a;b\n", file: "f", delimiter: ";")
        XCTAssertEqual(table.records.map { $0.fields.map(\.text) }, [["time,product", "x"], ["0 s,a", "b"]])
    }

    func testQuotedFieldsHoldDelimitersQuotesAndLineBreaks() {
        let text = "time,product,note\r\n1 h,\"widget\",\"say \"\"hi\"\", then, \r\nleave\"\r\n"
            + "2 h, \"gadget\" ,\"\"\r\n"
        let table = CSVTable(text, file: "f")
        XCTAssertEqual(table.problems, [])
        XCTAssertEqual(table.records.map(\.line), [1, 2, 4])
        XCTAssertEqual(table.records[1].fields, [Field(text: "1 h", line: 2, column: 1),
                                                 Field(text: "widget", line: 2, column: 5),
                                                 Field(text: "say \"hi\", then, \nleave", line: 2, column: 14)])
        XCTAssertEqual(table.records[2].fields, [Field(text: "2 h", line: 4, column: 1),
                                                 Field(text: "gadget", line: 4, column: 6),
                                                 Field(text: "", line: 4, column: 16)])
    }

    func testAnEmptyLastFieldAndEmptyMiddleFieldsAreKept() {
        let table = CSVTable("a,b,c,d\n1,,,\n", file: "f")
        XCTAssertEqual(table.records[1].fields.map(\.text), ["1", "", "", ""])
        XCTAssertEqual(table.records[1].fields.map(\.column), [1, 3, 4, 5])
    }

    func testAQuoteLeftOpenIsAProblemAtTheQuote() {
        let table = CSVTable("time,product\n0 s,\"widget\n1 h,gadget\n", file: "orders.csv")
        XCTAssertEqual(table.problems.map { "\($0.line):\($0.column)" }, ["2:5"])
        XCTAssertTrue(table.problems[0].message.contains("never closed"), table.problems[0].message)
        XCTAssertEqual(table.problems[0].file, "orders.csv")
    }

    func testTextAfterAClosingQuoteIsAProblemWhereItStarts() {
        let table = CSVTable("time,product\n0 s,\"wid\"get,3\n", file: "f")
        XCTAssertEqual(table.problems.map { "\($0.line):\($0.column)" }, ["2:10"])
        XCTAssertEqual(table.records[1].fields.map(\.text), ["0 s", "wid", "3"])
    }

    func testOnlyBlankAndCommentLinesMeanNoRecords() {
        XCTAssertEqual(CSVTable("", file: "f").records, [])
        XCTAssertEqual(CSVTable("\u{FEFF}\r\n  \r\n# header below\r\n", file: "f").records, [])
    }
}
