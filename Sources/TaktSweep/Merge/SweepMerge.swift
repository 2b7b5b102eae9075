import Foundation
import TaktKernel
import TaktRecording
import TaktScenario

/// The merged tables of a sweep, built from its run files.
public struct SweepTables: Sendable {
    /// One row per run: run, point, replication, seed, status, the parameter values, each KPI
    /// (NaN unless complete), events, simulated seconds, and the run file.
    public var runs: ColumnTable
    /// One row per (point, KPI): the parameter values, mean, confidence interval over the
    /// point's complete replications, and their number.
    public var points: ColumnTable
    /// Wall-clock seconds of each complete run (apart, since it varies from run to run).
    public var timing: ColumnTable
    /// One row per failed run: its error and exit code.
    public var failures: ColumnTable
    /// The KPIs in the tables, with their units: every one is in `points`.
    public var kpis: [(name: String, unit: String)]
    /// The KPIs that are columns of `runs`: all of `kpis`, or for a wide model (more than
    /// `SweepMerge.maximumRunColumns` KPIs and no `kpis:` list) the plant-wide ones only.
    public var runKPIs: [(name: String, unit: String)]
    /// Run indices by state.
    public var complete: [Int], failed: [Int], missing: [Int]
}

/// Merges the run files of a sweep into one summary HDF5 file (docs/sweep-format.md).
public struct SweepMerge: Sendable {
    public let sweep: Sweep
    public let layout: SweepLayout

    public init(sweep: Sweep, layout: SweepLayout) {
        self.sweep = sweep
        self.layout = layout
    }

    /// Reads every complete run file and builds the tables. Deterministic: the same run files
    /// give bit-identical tables, whichever process wrote them.
    /// - Throws: `ScenarioError` for a KPI name in the sweep file that no run reports (at its
    ///   line and column); `SweepError` when the folder belongs to another sweep or a run file
    ///   cannot be read.
    public func tables() throws -> SweepTables {
        if let manifest = try layout.readManifest() { try layout.check(manifest, against: sweep) }
        let states = layout.scan(runCount: sweep.runCount)
        var kpisByRun: [Int: [String: Double]] = [:]
        var extras: [Int: (events: Int, simulated: Double, wall: Double)] = [:]
        var units: [(name: String, unit: String)] = []
        var known: Set<String> = []
        for run in 0..<sweep.runCount where states[run].isComplete {
            let path = layout.runFile(run)
            let read: (status: String, replications: [RecordedReplication])
            do {
                read = try ResultFileReader.replications(path: path)
            } catch {
                throw SweepError("cannot read run \(run): \(error)")
            }
            guard let replication = read.replications.first else { throw SweepError("\(path) holds no replication") }
            var values: [String: Double] = [:]
            for kpi in replication.kpis {
                values[kpi.name] = kpi.value
                if known.insert(kpi.name).inserted { units.append((kpi.name, kpi.unit)) }
            }
            kpisByRun[run] = values
            extras[run] = (replication.eventsProcessed, replication.simulatedSeconds, replication.wallSeconds)
        }
        let selected = try selectKPIs(available: units)
        let columns = selected.count <= SweepMerge.maximumRunColumns ? selected
            : Array(selected.filter { !$0.name.contains(".") }.prefix(SweepMerge.maximumRunColumns))
        let complete = (0..<sweep.runCount).filter { states[$0].isComplete }
        let failures = (0..<sweep.runCount).compactMap { run -> FailureRecord? in
            if case .failed(let record) = states[run] { return record }
            return nil
        }
        let missing = (0..<sweep.runCount).filter {
            switch states[$0] {
            case .missing, .inProgress: return true
            case .complete, .failed: return false
            }
        }
        return SweepTables(
            runs: runsTable(states: states, kpis: columns, values: kpisByRun, extras: extras),
            points: pointsTable(kpis: selected, values: kpisByRun),
            timing: ColumnTable([("run", .int32(complete.map { Int32($0) })),
                                 ("wall_seconds", .double(complete.map { extras[$0]?.wall ?? .nan }))]),
            failures: ColumnTable([
                ("run", .int32(failures.map { Int32($0.run) })), ("exit_code", .int32(failures.map(\.exitCode))),
                ("error", .string(failures.map(\.error))), ("host", .string(failures.map(\.host))),
                ("time", .string(failures.map(\.time))), ("task", .int32(failures.map { Int32($0.task ?? -1) })),
            ]),
            kpis: selected, runKPIs: columns, complete: complete, failed: failures.map(\.run), missing: missing)
    }

    /// The most KPI columns of the merged `/runs` table. Its rows are one HDF5 compound type,
    /// whose description HDF5 caps at 64 KiB, so a wide model (thousands of stations, several
    /// KPIs each) keeps only its plant-wide KPIs there; every KPI stays in the tidy `/points`
    /// table and each run file. A sweep file may list up to this many under `kpis:`.
    public static let maximumRunColumns = 1_000

    /// The KPIs the sweep file asks for (checked against what the runs report), or all of them.
    func selectKPIs(available: [(name: String, unit: String)]) throws -> [(name: String, unit: String)] {
        guard !sweep.kpis.isEmpty else { return available }
        if sweep.kpis.count > SweepMerge.maximumRunColumns, let first = sweep.kpis.first {
            throw ScenarioError([Diagnostic(file: sweep.file, line: first.line, column: first.column,
                                            message: "kpis lists \(sweep.kpis.count) KPIs; a sweep merges at most "
                                                + "\(SweepMerge.maximumRunColumns) as columns of /runs")],
                                primaryFile: sweep.file)
        }
        guard !available.isEmpty else { return sweep.kpis.map { ($0.name, "") } }
        var diagnostics: [Diagnostic] = []
        var selected: [(name: String, unit: String)] = []
        for requested in sweep.kpis {
            if let match = available.first(where: { $0.name == requested.name }) {
                selected.append(match)
                continue
            }
            let names = available.map(\.name)
            let hint = NameSuggestion.closest(to: requested.name, among: names).map { "did you mean '\($0)'? " } ?? ""
            let listed = names.count <= 12 ? names.joined(separator: ", ")
                : names.prefix(10).joined(separator: ", ") + ", … (\(names.count) in all; takt inspect lists them)"
            diagnostics.append(Diagnostic(file: sweep.file, line: requested.line, column: requested.column,
                                          message: "no run reports a KPI '\(requested.name)'; \(hint)the runs "
                                              + "report: \(listed)"))
        }
        if !diagnostics.isEmpty { throw ScenarioError(diagnostics, primaryFile: sweep.file) }
        return selected
    }

    /// The parameter columns for the given points.
    func parameterColumns(_ points: [Int]) -> [(name: String, values: ColumnTable.Values)] {
        sweep.parameters.indices.map { index in
            let parameter = sweep.parameters[index]
            let values = points.map { sweep.points[$0].values[index] }
            if parameter.isNumeric { return (parameter.name, .double(values.map { $0.number ?? .nan })) }
            return (parameter.name, .string(values.map(\.label)))
        }
    }

    func runsTable(states: [RunState], kpis: [(name: String, unit: String)], values: [Int: [String: Double]],
                   extras: [Int: (events: Int, simulated: Double, wall: Double)]) -> ColumnTable {
        let runs = Array(0..<sweep.runCount)
        let placement = runs.map(sweep.run)
        func status(_ state: RunState) -> String {
            switch state {
            case .complete: return "complete"
            case .failed: return "failed"
            case .inProgress, .missing: return "missing"
            }
        }
        var table = ColumnTable([
            ("run", .int32(runs.map { Int32($0) })),
            ("point", .int32(placement.map { Int32($0.point) })),
            ("replication", .int32(placement.map { Int32($0.replication) })),
            ("seed", .uint64(placement.map { sweep.seed(point: $0.point, replication: $0.replication) })),
            ("status", .string(states.map(status))),
        ])
        table.columns += parameterColumns(placement.map(\.point))
        for kpi in kpis {
            table.columns.append((kpi.name, .double(runs.map { values[$0]?[kpi.name] ?? .nan })))
        }
        table.columns.append(("events", .int64(runs.map { Int64(extras[$0]?.events ?? 0) })))
        table.columns.append(("simulated_seconds", .double(runs.map { extras[$0]?.simulated ?? .nan })))
        table.columns.append(("file",
                              .string(runs.map { states[$0].isComplete ? SweepLayout.relativeRunFile($0) : "" })))
        return table
    }

    func pointsTable(kpis: [(name: String, unit: String)], values: [Int: [String: Double]]) -> ColumnTable {
        let level = sweep.baseScenario.run.confidenceLevel
        var rows: [(point: Int, kpi: String, unit: String, interval: ConfidenceInterval?)] = []
        for point in sweep.points.indices {
            for kpi in kpis {
                let observations = (0..<sweep.replications).compactMap { replication -> Double? in
                    guard let value = values[sweep.runIndex(point: point,
                                                            replication: replication)]?[kpi.name], !value.isNaN
                                                            else { return nil }
                    return value
                }
                rows.append((point, kpi.name, kpi.unit,
                             observations.isEmpty ? nil : ConfidenceInterval(observations, level: level)))
            }
        }
        func finite(_ value: Double?) -> Double { value.flatMap { $0.isFinite ? $0 : nil } ?? .nan }
        var table = ColumnTable([("point", .int32(rows.map { Int32($0.point) }))])
        table.columns += parameterColumns(rows.map(\.point))
        table.columns += [
            ("kpi", .string(rows.map(\.kpi))), ("unit", .string(rows.map(\.unit))),
            ("mean", .double(rows.map { $0.interval?.mean ?? .nan })),
            ("half_width", .double(rows.map { finite($0.interval?.halfWidth) })),
            ("lower", .double(rows.map { $0.interval.map { $0.halfWidth.isFinite ? $0.lower : .nan } ?? .nan })),
            ("upper", .double(rows.map { $0.interval.map { $0.halfWidth.isFinite ? $0.upper : .nan } ?? .nan })),
            ("level", .double(rows.map { _ in level })),
            ("n", .int32(rows.map { Int32($0.interval?.count ?? 0) })),
        ]
        return table
    }
}
