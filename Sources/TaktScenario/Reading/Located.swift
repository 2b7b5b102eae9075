import Yams

/// A YAML node together with the file it came from, for reading values and reporting problems
/// at the node's line and column.
public struct Located {
    /// The node.
    public let node: Node
    /// Where problems are reported.
    let report: DiagnosticSink

    /// Wraps `node`; its problems go to `report` (readers of other YAML files, such as sweep
    /// files, use the same machinery).
    public init(_ node: Node, report: DiagnosticSink) {
        self.node = node
        self.report = report
    }

    /// 1-based line and column of the node.
    public var line: Int { node.mark?.line ?? 1 }
    public var column: Int { node.mark?.column ?? 1 }

    /// Records a problem at this node.
    public func error(_ message: String) {
        report.add(line: line, column: column, message: message)
    }

    /// The node's text if it is a scalar.
    public var scalarText: String? {
        if case .scalar(let scalar) = node { return scalar.string }
        return nil
    }

    /// True for an explicit null (`~`, `null` or an empty value).
    public var isNull: Bool {
        if case .scalar(let scalar) = node {
            return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    /// A short word for the node's kind, for messages.
    public var kindName: String {
        switch node {
        case .scalar: return "a value"
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// Collects diagnostics for one file. A reference type so that every `Located` of a file
/// reports into the same list.
public final class DiagnosticSink {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) { self.file = file }

    public func add(line: Int, column: Int, message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    /// Records a problem in another file read on the scenario's behalf (a CSV order file).
    public func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}
