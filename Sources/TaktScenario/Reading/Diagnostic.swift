/// One problem found in an input file, at a line and column.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// What is wrong and what was expected.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: error: message`, the form editors and terminals link to.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// A file that could not be accepted, with every problem found in it.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order: those of `primaryFile` first, then those of other files
    /// (a CSV order file) in the order the files were first named.
    public var diagnostics: [Diagnostic]

    /// Collects `diagnostics` in file order; those of `primaryFile` (the scenario) come first.
    public init(_ diagnostics: [Diagnostic], primaryFile: String? = nil) {
        var files: [String] = primaryFile.map { [$0] } ?? []
        for diagnostic in diagnostics where !files.contains(diagnostic.file) { files.append(diagnostic.file) }
        func rank(_ file: String) -> Int { files.firstIndex(of: file) ?? files.count }
        self.diagnostics = diagnostics.sorted {
            (rank($0.file), $0.line, $0.column) < (rank($1.file), $1.line, $1.column)
        }
    }

    public var description: String {
        let count = diagnostics.count
        return diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(count) error\(count == 1 ? "" : "s") found."
    }
}
