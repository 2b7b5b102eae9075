import Foundation

extension OrderCSV {
    /// One field of a CSV line: its text (unquoted, trimmed) and the 1-based column it starts at.
    struct Field {
        var text: String
        var column: Int
    }

    /// Splits a line at commas outside double quotes; `""` inside quotes is a quote.
    static func fields(of line: String) -> [Field] {
        var fields: [Field] = []
        var text = ""
        var start = 1, column = 0
        var quoted = false, sawContent = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            column += 1
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { text.append("\""); characters.removeFirst(); column += 1 }
                    else { quoted = false }
                } else {
                    text.append(character)
                }
            } else if character == "," {
                fields.append(Field(text: text.trimmingWhitespace(), column: start))
                text = ""
                start = column + 1
                sawContent = false
            } else if character == "\"" && !sawContent {
                quoted = true
                sawContent = true
                start = column
            } else {
                if character != " " && character != "\t" && !sawContent { sawContent = true; start = column }
                text.append(character)
            }
        }
        fields.append(Field(text: text.trimmingWhitespace(), column: start))
        return fields
    }
}
