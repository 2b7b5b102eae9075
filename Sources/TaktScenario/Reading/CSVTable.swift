/// A CSV file as spreadsheets, ERP and MES systems export it, split into records and located
/// fields. The one CSV reader of Takt: order files and environment series both read through it.
///
/// - Line ends: LF, CRLF or CR alone, and a leading UTF-8 byte-order mark, all read alike
///   (through `LineEnds`), so line numbers are the same whatever wrote the file.
/// - Delimiter: `,`, `;` or a tab, declared by the caller or detected from the header line (the
///   one of the three that occurs most often there outside quotes; `,` if none does).
/// - Quoting: a field may be in double quotes, with `""` for a quote; a quoted field may hold the
///   delimiter and line breaks. Unquoted fields are trimmed of spaces and tabs.
/// - Blank lines, and lines whose first non-blank character is `#`, are skipped.
///
/// Every field keeps the line and column it starts at (1-based, counted in characters), so that a
/// reader's messages point into the file; a quote left open is a problem at the quote.
public struct CSVTable: Sendable {
    /// One field: its text (unquoted, trimmed) and where it starts.
    public struct Field: Equatable, Sendable {
        public var text: String
        public var line: Int
        public var column: Int

        public init(text: String, line: Int, column: Int) {
            self.text = text
            self.line = line
            self.column = column
        }
    }

    /// One record (a row, or the header): the line it starts on and its fields.
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var fields: [Field]

        public init(line: Int, fields: [Field]) {
            self.line = line
            self.fields = fields
        }
    }

    /// The delimiters a file may use, in the order detection prefers them on a tie.
    public static let delimiters: [Character] = [",", ";", "\t"]

    /// The records in file order, blank and comment lines left out.
    public private(set) var records: [Record] = []
    /// The delimiter used: the declared one, or the one detected.
    public let delimiter: Character
    /// Problems with the file's syntax (an unterminated quote, text after a closing quote).
    public private(set) var problems: [Diagnostic] = []

    /// Splits `text`, read from `file` (named in problems), at `delimiter`, or at the delimiter
    /// detected from the header line when it is nil.
    public init(_ text: String, file: String, delimiter: Character? = nil) {
        let characters = Array(LineEnds.normalised(text))
        self.delimiter = delimiter ?? Self.detectDelimiter(characters)
        var scanner = Scanner(characters: characters, delimiter: self.delimiter, file: file)
        while let record = scanner.nextRecord() { records.append(record) }
        problems = scanner.problems
    }

    /// The delimiter that occurs most often outside quotes on the first line that is neither blank
    /// nor a comment; `,` when none occurs.
    static func detectDelimiter(_ characters: [Character]) -> Character {
        var index = 0
        while index < characters.count {
            var end = index
            while end < characters.count && characters[end] != "\n" { end += 1 }
            let line = characters[index..<end]
            let content = line.drop { $0 == " " || $0 == "\t" }
            if let first = content.first, first != "#" {
                var counts: [Character: Int] = [:]
                var quoted = false
                for character in line {
                    if character == "\"" { quoted.toggle() } else if !quoted && delimiters.contains(character) {
                        counts[character, default: 0] += 1
                    }
                }
                let best = delimiters.max { counts[$0, default: 0] < counts[$1, default: 0] }!
                return counts[best, default: 0] > 0 ? best : ","
            }
            index = end + 1
        }
        return ","
    }
}

extension CSVTable {
    /// A cursor over normalised text that cuts it into records, counting lines and columns.
    private struct Scanner {
        let characters: [Character]
        public let delimiter: Character
        let file: String
        var index = 0, line = 1, column = 1
        var problems: [Diagnostic] = []

        init(characters: [Character], delimiter: Character, file: String) {
            self.characters = characters
            self.delimiter = delimiter
            self.file = file
        }

        var current: Character? { index < characters.count ? characters[index] : nil }

        /// Moves past the current character, keeping the line and column up to date.
        mutating func advance() {
            if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }

        func isBlank(_ character: Character) -> Bool {
            (character == " " || character == "\t") && character != delimiter
        }

        /// The next record, skipping blank and comment lines; nil at the end of the text.
        mutating func nextRecord() -> Record? {
            while current != nil {
                var lookahead = index
                while lookahead < characters.count && isBlank(characters[lookahead]) { lookahead += 1 }
                let first = lookahead < characters.count ? characters[lookahead] : "\n"
                if first == "\n" || first == "#" {
                    while let character = current, character != "\n" { advance() }
                    if current != nil { advance() }
                    continue
                }
                let start = line
                var fields: [Field] = []
                while true {
                    fields.append(nextField())
                    guard let character = current else { break }
                    advance()
                    if character == "\n" { break }
                }
                return Record(line: start, fields: fields)
            }
            return nil
        }

        /// The next field; stops at (does not consume) the delimiter or line end after it.
        mutating func nextField() -> Field {
            while let character = current, isBlank(character) { advance() }
            let field = Field(text: "", line: line, column: column)
            guard current == "\"" else { return unquotedField(field) }
            return quotedField(field)
        }

        mutating func unquotedField(_ start: Field) -> Field {
            var field = start
            var text = ""
            while let character = current, character != delimiter, character != "\n" {
                text.append(character)
                advance()
            }
            field.text = text.trimmingWhitespace()
            return field
        }

        mutating func quotedField(_ start: Field) -> Field {
            var field = start
            advance()
            var text = ""
            var closed = false
            while let character = current {
                advance()
                if character == "\"" {
                    if current == "\"" { text.append("\""); advance() } else { closed = true; break }
                } else {
                    text.append(character)
                }
            }
            field.text = text
            if !closed {
                problems.append(Diagnostic(file: file, line: start.line, column: start.column,
                                           message: "this quote is never closed; end the field with '\"' "
                                               + "(write '\"\"' for a quote inside it)"))
                return field
            }
            while let character = current, isBlank(character) { advance() }
            if let character = current, character != delimiter, character != "\n" {
                problems.append(Diagnostic(file: file, line: line, column: column,
                                           message: "text after the closing quote of a field; put the whole field "
                                               + "in quotes, with '\"\"' for a quote inside it"))
                while let next = current, next != delimiter, next != "\n" { advance() }
            }
            return field
        }
    }
}
