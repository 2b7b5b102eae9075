import Foundation
import TaktFactory
import TaktKernel

/// A classic job-shop instance in OR-Library format: a first line `n m` (jobs, machines), then
/// one line per job of `m` pairs `machine time` (machines numbered from 0) in processing order.
///
/// As a Takt scenario: one station per machine (`m0`, `m1`, …), one product per job (`job0`, …)
/// whose routing is the job's operations with constant times (the file's time units are read as
/// minutes, so the makespan KPI, in minutes, equals the makespan in the file's units), every job released at time 0 in
/// file order (so the lowest job index wins ties), non-delay dispatching by the chosen rule.
public struct JobShopInstance: Sendable, Equatable {
    /// Number of machines.
    public var machines: Int
    /// For each job, its operations in order: (machine, processing time).
    public var jobs: [[(machine: Int, time: Double)]]

    public static func == (lhs: JobShopInstance, rhs: JobShopInstance) -> Bool {
        lhs.machines == rhs.machines && lhs.jobs.count == rhs.jobs.count
            && zip(lhs.jobs, rhs.jobs)
                .allSatisfy { zip($0, $1).allSatisfy { $0.machine == $1.machine && $0.time == $1.time } }
    }

    /// The most jobs and machines of an instance (the largest published ones have 100 × 20).
    public static let mostJobs = 100_000
    public static let mostMachines = 10_000
    /// The longest processing time, in the file's units (read as minutes).
    public static let longestTime = InputLimits.longestTime / 60

    /// Parses OR-Library text; problems are reported as `file:line:column`.
    public init(text: String, file: String) throws {
        var diagnostics: [Diagnostic] = []
        let lines = LineEnds.lines(of: LineEnds.normalised(text)).enumerated()
            .map { (number: $0.offset + 1, fields: Self.fields($0.element)) }
            .filter { !$0.fields.isEmpty && !$0.fields[0].text.hasPrefix("#") }
        func fail(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
        }
        guard let header = lines.first else {
            throw ScenarioError([Diagnostic(file: file, line: 1, column: 1,
                                            message: "empty job-shop file; expected a first line 'jobs machines'")])
        }
        guard header.fields.count == 2, let n = Int(header.fields[0].text), let m = Int(header.fields[1]
                                                                                        .text), n > 0, m > 0 else {
            throw ScenarioError([Diagnostic(file: file, line: header.number, column: 1,
                                            message: "expected the header 'jobs machines' (two positive "
                                                + "whole numbers)")])
        }
        guard n <= Self.mostJobs, m <= Self.mostMachines else {
            let field = n > Self.mostJobs ? header.fields[0] : header.fields[1]
            throw ScenarioError([Diagnostic(file: file, line: header.number, column: field.column,
                message: "a job-shop instance may have at most \(Self.mostJobs) jobs and "
                    + "\(Self.mostMachines) machines, "
                    + "found \(n) jobs and \(m) machines; see docs/limits.md")])
        }
        machines = m
        jobs = []
        if lines.count - 1 < n {
            fail(lines.last!.number, 1, "expected \(n) job lines after the header, found \(lines.count - 1)")
        }
        for line in lines.dropFirst().prefix(n) {
            guard line.fields.count == 2 * m else {
                fail(line.number, 1,
                     "a job line needs \(m) pairs 'machine time' (\(2 * m) numbers), found "
                         + "\(line.fields.count) numbers")
                continue
            }
            var operations: [(machine: Int, time: Double)] = []
            for k in 0..<m {
                let machineField = line.fields[2 * k], timeField = line.fields[2 * k + 1]
                guard let machine = Int(machineField.text), (0..<m).contains(machine) else {
                    fail(line.number, machineField.column,
                         "machine must be a whole number from 0 to \(m - 1), found '\(machineField.text)'")
                    continue
                }
                guard let time = Double(timeField.text), time >= 0, time <= Self.longestTime else {
                    fail(line.number, timeField.column, "processing time must be a number of minutes from 0 to "
                        + "\(String(format: "%.6g", Self.longestTime)) (1e11 s; see docs/limits.md), found "
                        + "'\(timeField.text)'")
                    continue
                }
                operations.append((machine, time))
            }
            jobs.append(operations)
        }
        if !diagnostics.isEmpty { throw ScenarioError(diagnostics) }
    }

    /// Reads an instance file.
    public static func load(path: String) throws -> JobShopInstance {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ScenarioError([Diagnostic(file: path, line: 1, column: 1,
                                            message: "job-shop file does not exist or cannot be read")])
        }
        return try JobShopInstance(text: text, file: path)
    }

    /// The factory configuration: one station per machine, one product and one order per job.
    public func configuration(rule: DispatchRule) -> FactoryConfiguration {
        let stations = (0..<machines).map { StationSpec(name: "m\($0)", machines: 1, dispatch: rule) }
        let products = jobs.indices.map { job in
            ProductSpec(name: "job\(job)", routing: jobs[job].enumerated().map { index, operation in
                OperationSpec(name: "job\(job).\(index)", stations: [operation.machine],
                              processTime: .constant(operation.time * 60))
            })
        }
        let orders = jobs.indices.map { ScheduledOrder(time: 0, product: $0) }
        return FactoryConfiguration(stations: stations, products: products,
                                    orderSources: [OrderSourceSpec(name: "jobs", arrivals: .schedule(orders), mix: [])],
                                    recordGantt: true)
    }

    /// Whitespace-separated fields with their 1-based columns.
    static func fields(_ line: Substring) -> [(text: String, column: Int)] {
        var result: [(String, Int)] = []
        var current = ""
        var start = 0
        for (offset, character) in line.enumerated() {
            if character == " " || character == "\t" || character == "\r" {
                if !current.isEmpty { result.append((current, start + 1)); current = "" }
            } else {
                if current.isEmpty { start = offset }
                current.append(character)
            }
        }
        if !current.isEmpty { result.append((current, start + 1)) }
        return result
    }
}

extension JobShopInstance {
    /// The instance as a one-replication scenario under `rule` (deterministic: more replications
    /// would repeat the same schedule).
    public static func scenario(path: String, rule: DispatchRule) throws -> Scenario {
        let instance = try load(path: path)
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var settings = RunSettings()
        settings.replications = 1
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return Scenario(name: "\(name) (\(instance.jobs.count) jobs × \(instance.machines) machines, \(rule.name))",
                        file: path, sourceText: text, run: settings,
                        model: .factory(instance.configuration(rule: rule)),
                        variants: [], variant: nil)
    }
}
