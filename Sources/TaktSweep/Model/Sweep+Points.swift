import Foundation
import TaktScenario
import Yams

extension Sweep {
    /// The variant and the values a point sets: the fixed values first, then the parameters.
    func overrides(for point: SweepPoint) -> (variant: String?, overrides: [ScenarioOverride]) {
        var variant: String?
        var overrides = fixed
        for (parameter, value) in zip(parameters, point.values) {
            if let path = parameter.path {
                overrides.append(ScenarioOverride(path: path, value: value.node, keyMark: parameter.keyMark))
            } else if value.text != "base" {
                variant = value.text
            }
        }
        return (variant, overrides)
    }

    /// The scenario of point `index`: the base scenario with the point's variant and values,
    /// read and checked by the normal scenario reader (from the base's YAML tree, parsed once).
    ///
    /// Not thread-safe (it reads the sweep's YAML nodes); from several threads use `PointScenarios`.
    /// - Throws: `ScenarioError` with the problems placed in the sweep file where they can be.
    public func scenario(forPoint index: Int) throws -> Scenario {
        let point = points[index]
        let (variant, overrides) = overrides(for: point)
        do {
            return try template.scenario(variant: variant, overrides: overrides)
        } catch let error as ScenarioError {
            throw ScenarioError(sweepDiagnostics(error, point: point, overrides: overrides), primaryFile: file)
        }
    }

    /// Loads every point and returns the problems, each reported once with the points it
    /// affects (empty: every point loads). What `takt sweep plan` checks.
    public func check() -> [Diagnostic] {
        var grouped: [(diagnostic: Diagnostic, points: [Int])] = []
        var index: [String: Int] = [:]
        for point in points.indices {
            do {
                _ = try scenario(forPoint: point)
            } catch let error as ScenarioError {
                for diagnostic in error.diagnostics {
                    let key = diagnostic.description
                    if let at = index[key] {
                        grouped[at].points.append(point)
                    } else {
                        index[key] = grouped.count
                        grouped.append((diagnostic, [point]))
                    }
                }
            } catch {
                grouped.append((Diagnostic(file: file, line: 1, column: 1, message: "\(error)"), [point]))
            }
        }
        return grouped.map { entry in
            var diagnostic = entry.diagnostic
            let shown = entry.points.prefix(8).map(String.init).joined(separator: ", ")
            let more = entry.points.count > 8 ? " and \(entry.points.count - 8) more" : ""
            let example = entry.points.count == 1 ? ": \(points[entry.points[0]].describe(parameters))" : ""
            diagnostic.message += " (point\(entry.points.count == 1 ? "" : "s") \(shown)\(more)\(example))"
            return diagnostic
        }
    }

    /// The problems of a point's scenario, placed in the sweep file: at the value that caused a
    /// problem when it lies inside an overridden value (or an added key), else at the point (or
    /// the design) with the scenario's own message and position quoted.
    func sweepDiagnostics(_ error: ScenarioError, point: SweepPoint?, overrides: [ScenarioOverride]) -> [Diagnostic] {
        struct Position: Hashable { var line: Int, column: Int }
        var positions: Set<Position> = []
        func collect(_ node: Node) {
            if let mark = node.mark { positions.insert(Position(line: mark.line, column: mark.column)) }
            switch node {
            case .mapping(let mapping): mapping.forEach { collect($0.key); collect($0.value) }
            case .sequence(let sequence): sequence.forEach(collect)
            case .scalar, .alias: break
            }
        }
        for override in overrides {
            collect(override.value)
            if let mark = override.keyMark { positions.insert(Position(line: mark.line, column: mark.column)) }
        }
        let anchor = point == nil ? overrides.first?.keyMark : (point?.mark ?? pointsMark)
        return error.diagnostics.map { diagnostic in
            if diagnostic.file == scenarioFile
                                       && positions.contains(Position(line: diagnostic.line,
                                                                      column: diagnostic.column)) {
                return Diagnostic(file: file, line: diagnostic.line, column: diagnostic.column,
                                  message: diagnostic.message)
            }
            let what = point == nil ? "with the fixed values" : "at this point"
            return Diagnostic(file: file, line: anchor?.line ?? 1, column: anchor?.column ?? 1,
                              message: "\(what) the scenario fails: \(diagnostic.description)")
        }
    }
}

/// The scenarios of a sweep's points, loaded on demand from several threads and kept while
/// they are in use (consecutive runs of a point share one load).
public final class PointScenarios: @unchecked Sendable {
    private let lock = NSLock()
    private let sweep: Sweep
    private var cache: [Int: Result<Scenario, ScenarioError>] = [:]
    private var order: [Int] = []
    private let capacity: Int

    public init(_ sweep: Sweep, capacity: Int = 64) {
        self.sweep = sweep
        self.capacity = capacity
    }

    /// The scenario of point `index` (or the error it loads with), loaded at most once while cached.
    public func scenario(forPoint index: Int) throws -> Scenario {
        lock.lock(); defer { lock.unlock() }
        if let cached = cache[index] { return try cached.get() }
        let result: Result<Scenario, ScenarioError>
        do {
            result = .success(try sweep.scenario(forPoint: index))
        } catch let error as ScenarioError {
            result = .failure(error)
        } catch {
            result = .failure(ScenarioError([Diagnostic(file: sweep.file, line: 1, column: 1, message: "\(error)")]))
        }
        cache[index] = result
        order.append(index)
        if order.count > capacity { cache[order.removeFirst()] = nil }
        return try result.get()
    }
}
