import Foundation
import TaktKernel
import TaktQueueing
import Yams

/// Reads scenario files, reporting every problem at once as `file:line:column: error: …`.
public enum ScenarioLoader {
    /// Loads and checks the scenario at `path`.
    /// - Throws: `ScenarioError` with every problem found (including an unreadable file).
    public static func load(path: String) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw ScenarioError([Diagnostic(file: path, line: 1, column: 1, message: "scenario file \(reason)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError([Diagnostic(file: path, line: 1, column: 1, message: "scenario file is not UTF-8 text")])
        }
        return try parse(text, file: path)
    }

    /// Parses scenario text; `file` is used in messages.
    public static func parse(_ text: String, file: String) throws -> Scenario {
        let sink = DiagnosticSink(file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, message: "scenario file is empty; expected at least 'name:' and a model section")])
            }
            root = node
        } catch let error as YamlError {
            throw ScenarioError([yamlDiagnostic(error, file: file, text: text)])
        }
        let document = Located(root, report: sink)
        let scenario = read(document, file: file, text: text)
        if !sink.diagnostics.isEmpty { throw ScenarioError(sink.diagnostics) }
        guard let scenario else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1, message: "scenario could not be read")])
        }
        return scenario
    }

    static func read(_ document: Located, file: String, text: String) -> Scenario? {
        guard let top = document.mapping("the scenario") else { return nil }
        let name = top.required("name", expected: "a short name for reports")?.string("name")
        _ = top.optional("description")?.string("description")
        let run = top.optional("run").map { readRun($0) } ?? RunSettings()
        let queueNode = top.optional("queue")
        top.finish()
        guard let queueNode else {
            document.error("the scenario has no model section; expected 'queue:'")
            return nil
        }
        guard let queue = readQueue(queueNode), let name else { return nil }
        return Scenario(name: name, file: file, sourceText: text, run: run, model: .queue(queue))
    }

    static func readRun(_ node: Located) -> RunSettings {
        var settings = RunSettings()
        guard let run = node.mapping("run") else { return settings }
        if let seed = run.optional("seed")?.integer("run.seed", in: 0...Int.max) { settings.seed = UInt64(seed) }
        if let count = run.optional("replications")?.integer("run.replications", in: 1...100_000) {
            settings.replications = count
        }
        if let end = run.optional("duration")?.duration("run.duration", allowZero: false) { settings.endTime = end }
        if let warmUp = run.optional("warm_up")?.duration("run.warm_up") { settings.warmUp = warmUp }
        if let level = run.optional("confidence")?.number("run.confidence", in: 0.5...0.9999) {
            settings.confidenceLevel = level
        }
        run.finish()
        if settings.warmUp >= settings.endTime {
            node.error("run.warm_up must be shorter than run.duration")
        }
        return settings
    }

    static func readQueue(_ node: Located) -> MultiServerQueue.Configuration? {
        guard let queue = node.mapping("queue") else { return nil }
        let servers = queue.required("servers", expected: "the number of servers, e.g. 5")?.integer("queue.servers", in: 1...1_000_000)
        let interarrival = queue.required("interarrival", expected: "e.g. 'exponential(rate: 4.5 /min)'")?.distribution("queue.interarrival")
        let service = queue.required("service", expected: "e.g. 'exponential(mean: 1 min)'")?.distribution("queue.service")
        let customers = queue.required("customers", expected: "how many customers arrive in a run")?.integer("queue.customers", in: 1...Int.max)
        let warmUp = queue.optional("warm_up_customers")?.integer("queue.warm_up_customers", in: 0...Int.max) ?? 0
        queue.finish()
        if let interarrival, interarrival.mean <= 0 {
            queue.required("interarrival", expected: "")?.error("queue.interarrival must have a positive mean")
        }
        guard let servers, let interarrival, let service, let customers else { return nil }
        if warmUp >= customers {
            node.error("queue.warm_up_customers (\(warmUp)) must be fewer than queue.customers (\(customers))")
            return nil
        }
        return MultiServerQueue.Configuration(interarrival: interarrival, service: service, servers: servers,
                                              customers: customers, warmUpCustomers: warmUp)
    }

    /// Where `key:` appears for the second time at the indentation of the mapping at `mark`.
    static func secondOccurrence(of key: String, in text: String, from mark: Mark) -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = String(repeating: " ", count: max(0, mark.column - 1))
        var seen = 0
        for index in max(0, mark.line - 1)..<lines.count {
            let line = lines[index]
            if line.hasPrefix(indent + key + ":") || line.hasPrefix(indent + "- " + key + ":") {
                seen += 1
                if seen == 2 { return (index + 1, mark.column) }
            }
        }
        return (mark.line, mark.column)
    }

    static func yamlDiagnostic(_ error: YamlError, file: String, text: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let where_ = context.map { " \($0.text)" } ?? ""
            var message = "YAML syntax: \(problem)\(where_)"
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if problem.contains("mapping values are not allowed"), mark.line - 1 < lines.count,
               lines[mark.line - 1].contains("(") {
                message += "; a distribution with ': ' inside must be quoted, e.g. "
                    + "\"exponential(mean: 5 min)\", or written with '=': exponential(mean=5 min)"
            }
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let (line, column) = secondOccurrence(of: key, in: text, from: context.mark)
            return Diagnostic(file: file, line: line, column: column,
                              message: "'\(key)' appears twice in the same mapping; keep one")
        default:
            return Diagnostic(file: file, line: 1, column: 1, message: "YAML: \(error)")
        }
    }
}
