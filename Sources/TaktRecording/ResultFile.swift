import CHDF5
import Foundation
import TaktFactory

/// A Takt result file being written (layout: docs/hdf5-layout.md).
///
/// Created as `<path>.partial`; `close(status:)` writes the root attributes and renames it to
/// `<path>` when the run completed or was interrupted (replacing an older file there only then),
/// so a file under its final name is always whole and valid. Thread-safe: replications running on several threads
/// append concurrently.
public final class ResultFile: @unchecked Sendable {
    let lock = NSLock()
    let file: hid_t
    private let types: RowTypes
    private let metadata: ResultMetadata
    private let lookups: ResultLookups
    /// Per-variant lookups and resolved scenarios of a file with several variants (a comparison).
    private let variants: [ResultVariant]
    private var runs: [String: RunTables] = [:]
    private var rowsSinceFlush = 0
    private var lastFlush = Date()
    private var closed = false
    /// The last close wrote every attribute and closed every HDF5 object without an error.
    private var closedCleanly = false
    private let compress: Bool
    /// Encodes and writes the streamed tables' chunks off the calling thread.
    private let pipeline = ChunkPipeline()
    /// The name the file gets when it is closed, and the one it is written under until then.
    public let finalPath: String
    public var partialPath: String { finalPath + ".partial" }

    /// Creates `<path>.partial` with the header, scenario and lookups written.
    ///
    /// - Throws: if a leftover `<path>.partial` exists (a killed run's data, or another process
    ///   writing right now: never replaced silently; the caller implements `--force` by removing
    ///   it), if `path` exists and `replacing` is false, or if HDF5 fails (nothing is left behind
    ///   then).
    /// - Parameter replacing: an existing file at `path` is replaced, atomically, when this file
    ///   is closed (`--force`): until then it stays as it was, so a run that fails or is killed
    ///   destroys nothing.
    /// - Parameter compress: shuffle + gzip level 1 on every streamed table (2–4.5 times smaller;
    ///   costs roughly a CPU-second per 3 million rows).
    /// - Parameter variants: for a file holding several variants whose configurations differ (a
    ///   comparison), each variant's own lookups and resolved scenario; written under
    ///   `/lookup/variants/<name>` and `/scenario/variants/<name>`, and used for its time series.
    public init(path: String, metadata: ResultMetadata, lookups: ResultLookups, compress: Bool = true,
                variants: [ResultVariant] = [], replacing: Bool = false) throws {
        self.compress = compress
        self.variants = variants
        finalPath = path
        self.metadata = metadata
        self.lookups = lookups
        if !replacing && FileManager.default.fileExists(atPath: path) {
            throw HDF5Error(operation: "create \(path)",
                            message: "the file exists; Takt never replaces a result silently")
        }
        if FileManager.default.fileExists(atPath: path + ".partial") {
            throw HDF5Error(operation: "create \(path)",
                            message: "\(path).partial exists (a run that was killed, or one still "
                + "writing); inspect it with `takt inspect \(path).partial`, then remove it or use --force")
        }
        silenceHDF5Errors()
        file = try check(H5Fcreate(path + ".partial", takt_h5f_acc_excl(), takt_h5p_default(), takt_h5p_default()),
                         "create \(path).partial")
        do {
            types = try RowTypes()
        } catch {
            pipeline.stop()
            H5Fclose(file)
            try? FileManager.default.removeItem(atPath: path + ".partial")
            throw error
        }
        do {
            try writeHeader()
        } catch {
            pipeline.stop()
            types.close()
            H5Fclose(file)
            try? FileManager.default.removeItem(atPath: path + ".partial")
            throw error
        }
    }

    deinit { pipeline.stop() }

    private func writeHeader() throws {
        let root = try check(H5Gopen2(file, "/", takt_h5p_default()), "open root group")
        defer { H5Gclose(root) }
        try HDF5Objects.attribute(root, "format_version", ResultFile.formatVersion)
        try HDF5Objects.attribute(root, "completion_status", "partial")
        let scenario = try HDF5Objects.group(file, "scenario")
        defer { H5Gclose(scenario) }
        try HDF5Objects.stringDataset(scenario, "source_yaml", metadata.sourceYAML,
                                      description: "the scenario file as given")
        try HDF5Objects.stringDataset(scenario, "resolved_json", metadata.resolvedJSON,
                                      description: "the fully resolved scenario (defaults filled, times in "
                                          + "seconds) as JSON")
        try writeLookups(lookups, at: "lookup", withEnums: true)
        // present from the start, so a file stopped before its first replication is a valid file with no runs
        H5Gclose(try HDF5Objects.group(file, "runs"))
        for variant in variants {
            try writeLookups(variant.lookups, at: "lookup/variants/\(variant.name)", withEnums: false)
            let group = try HDF5Objects.group(file, "scenario/variants/\(variant.name)")
            defer { H5Gclose(group) }
            try HDF5Objects.stringDataset(group, "resolved_json", variant.resolvedJSON,
                                          description: "variant \(variant.name), fully resolved, as JSON")
        }
    }

    /// The lookups of `variant` (its own in a comparison, else the file's).
    private func lookups(of variant: String) -> ResultLookups {
        variants.first { $0.name == variant }?.lookups ?? lookups
    }

    private func writeLookups(_ lookups: ResultLookups, at path: String, withEnums: Bool) throws {
        let group = try HDF5Objects.group(file, path)
        defer { H5Gclose(group) }
        var stations = SmallTable([("name", .string), ("machines", .int32)])
        stations.rows = lookups.stations.map { [.string($0.name), .int32(Int32($0.machines))] }
        try stations.write(to: group, name: "stations", description: "station id → name; ids are row numbers",
                           units: "{}")
        var machines = SmallTable([("name", .string), ("station", .int32)])
        machines.rows = lookups.machines.map { [.string($0.name), .int32(Int32($0.station))] }
        try machines.write(to: group, name: "machines", description: "machine id → name and station id", units: "{}")
        for (name, values) in [("products", lookups.products), ("materials", lookups.materials),
                               ("sensors", lookups.sensors)] {
            var table = SmallTable([("name", .string)])
            table.rows = values.map { [.string($0)] }
            try table.write(to: group, name: name, description: "\(name.dropLast()) id → name", units: "{}")
        }
        var columns = SmallTable([("name", .string), ("unit", .string)])
        let names = lookups.timeseriesColumns.isEmpty ? ["time"] : lookups.timeseriesColumns
        columns.rows = names.enumerated().map { index, name in
            [.string(name),
             .string(index < lookups.timeseriesUnits.count ? lookups.timeseriesUnits[index]
                         : (name == "time" ? "s" : ""))]
        }
        try columns.write(to: group, name: "timeseries_columns",
                          description: "column k of every timeseries dataset → name and unit", units: "{}")
        try writeQualityLookups(lookups, to: group)
        guard withEnums else { return }
        let enums: [(String, [(UInt8, String)])] = [
            ("event_kinds", EventKind.allCases.map { ($0.rawValue, $0.name) }),
            ("machine_states", MachineState.allCases.map { (UInt8($0.rawValue), $0.name) }),
            ("gantt_outcomes", [(0, "next"), (1, "finished"), (2, "scrapped"), (3, "rework")]),
            ("job_outcomes", JobOutcome.allCases.map { ($0.rawValue, $0.name) }),
        ]
        for (name, members) in enums {
            var table = SmallTable([("value", .uint8), ("name", .string)])
            table.rows = members.map { [.uint8($0.0), .string($0.1)] }
            try table.write(to: group, name: name, description: "values of the \(name) enum columns", units: "{}")
        }
    }

    /// Operations (route index → "product/operation"), recipe parameters and defect classes: what
    /// the ids of the `process`, `inspections` and `defect_truth` tables mean.
    private func writeQualityLookups(_ lookups: ResultLookups, to group: hid_t) throws {
        var operations = SmallTable([("name", .string), ("product", .int32), ("step", .int32)])
        operations.rows = lookups.operations.map { [.string($0.name), .int32(Int32($0.product)),
                                                    .int32(Int32($0.step))] }
        try operations.write(to: group, name: "operations",
                             description: "operation id (route index, flat over products) → \"product/operation\", "
                                 + "product id and "
                                 + "step (index in the product's routing: the operation column of the "
                                 + "operations table)",
                             units: "{}")
        var parameters = SmallTable([("operation", .int32), ("parameter", .int32), ("name", .string), ("unit", .string),
                                     ("minimum", .double), ("maximum", .double)])
        parameters.rows = lookups.parameters.map {
            [.int32(Int32($0.operation)), .int32(Int32($0.parameter)), .string($0.name), .string($0.unit),
             .double($0.minimum),
             .double($0.maximum)]
        }
        try parameters.write(to: group, name: "parameters",
                             description: "recipe parameters: (operation id, parameter index in its recipe) → "
                                 + "name, unit and "
                                 + "allowed setpoint range (-inf/inf when open)",
                             units: #"{"minimum": "see unit column", "maximum": "see unit column"}"#)
        var classes = SmallTable([("value", .int32), ("name", .string)])
        classes.rows = (["pass"] + lookups.defectClasses).enumerated()
            .map { [.int32(Int32($0.offset)), .string($0.element)] }
        try classes.write(to: group, name: "defect_classes",
                          description: "inspection verdicts and defect classes: row k is value k; 0 = pass (no "
                              + "defect found), "
                              + "k >= 1 = defect class k",
                          units: "{}")
    }

    /// For an error message after a failed run: where its partial results are, and whether HDF5
    /// could finish that file (it cannot when the disk is full).
    public var keptPartialNote: String {
        lock.lock(); defer { lock.unlock() }
        guard FileManager.default.fileExists(atPath: partialPath) else { return "no result file was left" }
        if closedCleanly { return "partial results kept in \(partialPath) (see `takt inspect \(partialPath)`)" }
        return "\(partialPath) is left but may be unreadable: HDF5 could not finish writing it"
    }

    /// Throws once the file is closed (its HDF5 ids are no longer valid).
    func ensureOpen(_ operation: String) throws {
        if closed { throw HDF5Error(operation: operation, message: "\(finalPath) is already closed") }
    }

    private func tables(_ variant: String, _ replication: Int) throws -> RunTables {
        silenceHDF5Errors()   // error printing is per thread, and replications run on several
        try ensureOpen("write run \(variant)/\(replication)")
        let key = "runs/\(variant)/\(replication)"
        if let existing = runs[key] { return existing }
        let own = lookups(of: variant)
        let created = try RunTables(file: file, path: key, types: types, timeseriesColumns: own.timeseriesColumns,
                                    timeseriesUnits: own.timeseriesUnits, compress: compress, pipeline: pipeline)
        runs[key] = created
        return created
    }

    private func append<Row>(_ rows: [Row], to table: (RunTables) -> StreamingTable, variant: String,
                             replication: Int) throws {
        lock.lock(); defer { lock.unlock() }
        let target = table(try tables(variant, replication))
        try rows.withUnsafeBytes { try target.append(bytes: $0, count: rows.count) }
        try flushIfDue(rows: rows.count)
    }

    public func appendEvents(_ rows: [EventRow], variant: String, replication: Int) throws {
        try append(rows, to: \.events, variant: variant, replication: replication)
    }

    public func appendOperations(_ rows: [GanttRow], variant: String, replication: Int) throws {
        try append(rows.map(OperationRecord.init), to: \.operations, variant: variant, replication: replication)
    }

    public func appendJobs(_ rows: [JobRow], variant: String, replication: Int) throws {
        try append(rows, to: \.jobs, variant: variant, replication: replication)
    }

    public func appendStates(_ rows: [StateRow], variant: String, replication: Int) throws {
        try append(rows, to: \.states, variant: variant, replication: replication)
    }

    public func appendSensors(_ rows: [SensorReading], variant: String, replication: Int) throws {
        try append(rows, to: \.sensors, variant: variant, replication: replication)
    }

    public func appendTruth(_ rows: [WearTruth], variant: String, replication: Int) throws {
        try append(rows, to: \.truth, variant: variant, replication: replication)
    }

    /// Actual recipe parameter values (observable): the `process` table.
    public func appendProcess(_ rows: [ProcessReading], variant: String, replication: Int) throws {
        try append(rows, to: \.process, variant: variant, replication: replication)
    }

    /// Inspection verdicts (observable): the `inspections` table.
    public func appendInspections(_ rows: [InspectionResult], variant: String, replication: Int) throws {
        try append(rows, to: \.inspections, variant: variant, replication: replication)
    }

    /// Defects made (hidden truth): the `defect_truth` table.
    public func appendDefectTruth(_ rows: [DefectTruth], variant: String, replication: Int) throws {
        try append(rows, to: \.defectTruth, variant: variant, replication: replication)
    }

    /// Learning cameras at each retrain (observable): the `vision` table.
    public func appendVision(_ rows: [VisionReading], variant: String, replication: Int) throws {
        lock.lock(); defer { lock.unlock() }
        let target = try tables(variant, replication).visionTable()
        try rows.withUnsafeBytes { try target.append(bytes: $0, count: rows.count) }
        try flushIfDue(rows: rows.count)
    }

    /// Learning cameras' true state (hidden truth): the `vision_truth` table.
    public func appendVisionTruth(_ rows: [VisionTruth], variant: String, replication: Int) throws {
        lock.lock(); defer { lock.unlock() }
        let target = try tables(variant, replication).visionTruthTable()
        try rows.withUnsafeBytes { try target.append(bytes: $0, count: rows.count) }
        try flushIfDue(rows: rows.count)
    }

    /// Time-series values, row-major, `timeseriesColumns.count` per row.
    /// - Throws: if `values` do not make whole rows (nothing is written then).
    public func appendSamples(_ values: [Double], variant: String, replication: Int) throws {
        let width = max(1, lookups(of: variant).timeseriesColumns.count)
        guard values.count % width == 0 else {
            throw HDF5Error(operation: "append samples to run \(variant)/\(replication)",
                            message: "\(values.count) values do not make whole rows of \(width) columns")
        }
        lock.lock(); defer { lock.unlock() }
        let target = try tables(variant, replication).timeseries
        try values.withUnsafeBytes { try target.append(bytes: $0, count: values.count / width) }
        try flushIfDue(rows: values.count / width)
    }

    /// A replication ended: its KPIs and attributes (its tables exist even if it logged nothing).
    public func finishRun(variant: String, replication: Int, kpis: [ResultKPI], seed: UInt64, eventsProcessed: Int,
                          simulatedSeconds: Double, wallSeconds: Double, status: CompletionStatus) throws {
        lock.lock(); defer { lock.unlock() }
        let run = try tables(variant, replication)
        var table = SmallTable([("name", .string), ("label", .string), ("unit", .string), ("value", .double)])
        table.rows = kpis.map { [.string($0.name), .string($0.label), .string($0.unit), .double($0.value)] }
        try table.write(to: run.group, name: "kpis", description: "the replication's KPIs",
                        units: #"{"value": "see unit column"}"#)
        try HDF5Objects.attribute(run.group, "seed", seed)
        try HDF5Objects.attribute(run.group, "events_processed", Int64(eventsProcessed))
        try HDF5Objects.attribute(run.group, "simulated_seconds", simulatedSeconds)
        try HDF5Objects.attribute(run.group, "wall_seconds", wallSeconds)
        try HDF5Objects.attribute(run.group, "status", status.rawValue)
        for table in run.all { try table.flush() }
    }

    /// The tidy KPI table and the confidence intervals across replications.
    public func writeSummary(kpis: [SummaryKPIRow], intervals: [SummaryIntervalRow]) throws {
        lock.lock(); defer { lock.unlock() }
        silenceHDF5Errors()
        try ensureOpen("write the summary")
        let group = try HDF5Objects.group(file, "summary")
        defer { H5Gclose(group) }
        var tidy = SmallTable([("variant", .string), ("replication", .int32), ("kpi", .string), ("unit", .string),
                               ("value", .double)])
        tidy.rows = kpis.map { [.string($0.variant), .int32(Int32($0.replication)), .string($0.kpi), .string($0.unit),
                                .double($0.value)] }
        try tidy.write(to: group, name: "kpis", description: "one row per (variant, replication, KPI)",
                       units: #"{"value": "see unit column"}"#)
        var table = SmallTable([("variant", .string), ("kpi", .string), ("unit", .string), ("mean", .double),
                                ("half_width", .double),
                                ("lower", .double), ("upper", .double), ("level", .double), ("n", .int32)])
        table.rows = intervals.map {
            [.string($0.variant), .string($0.kpi), .string($0.unit), .double($0.mean), .double($0.halfWidth),
             .double($0.lower),
             .double($0.upper), .double($0.level), .int32(Int32($0.n))]
        }
        try table.write(to: group, name: "intervals",
                        description: "Student-t confidence interval of each KPI over replications",
                        units: #"{"mean": "see unit column", "half_width": "see unit column"}"#)
    }

    /// Writes buffered rows and has HDF5 flush the file (so a crash loses at most this much);
    /// returns once the flush is done.
    public func flush() throws {
        lock.lock(); defer { lock.unlock() }
        silenceHDF5Errors()
        try ensureOpen("flush")
        try flushLocked()
        try pipeline.drain()
    }

    /// Sends every partial chunk and then a flush of the file to the pipeline, which flushes once
    /// those chunks are written; the simulation does not wait for it.
    private func flushLocked() throws {
        for run in runs.values { for table in run.all { try table.flush() } }
        try pipeline.submit(.flush(file: file))
        rowsSinceFlush = 0
        lastFlush = Date()
    }

    private func flushIfDue(rows: Int) throws {
        rowsSinceFlush += rows
        if rowsSinceFlush >= 1_000_000 || Date().timeIntervalSince(lastFlush) > 10 { try flushLocked() }
    }

    /// Finishes the file: root attributes, every table flushed and closed, then the rename.
    public func close(status: CompletionStatus, wallSeconds: Double, simulatedTimeReached: Double) throws {
        lock.lock(); defer { lock.unlock() }
        silenceHDF5Errors()
        guard !closed else { return }
        closed = true
        var firstError: (any Error)?
        do {
            for run in runs.values {
                do { try run.close() } catch { firstError = firstError ?? error }
            }
            let root = try check(H5Gopen2(file, "/", takt_h5p_default()), "open root group")
            defer { H5Gclose(root) }
            let iso = ISO8601DateFormatter()
            try HDF5Objects.attribute(root, "takt_version", metadata.taktVersion)
            try HDF5Objects.attribute(root, "git_commit", metadata.gitCommit)
            try HDF5Objects.attribute(root, "scenario_name", metadata.scenarioName)
            try HDF5Objects.attribute(root, "scenario_file", metadata.scenarioFile)
            try HDF5Objects.attribute(root, "seed", metadata.seed)
            try HDF5Objects.attribute(root, "replications", Int64(metadata.replications))
            try HDF5Objects.attribute(root, "variant", metadata.variant)
            try HDF5Objects.attribute(root, "created", iso.string(from: metadata.created))
            try HDF5Objects.attribute(root, "host", metadata.host)
            try HDF5Objects.attribute(root, "wall_seconds", wallSeconds)
            try HDF5Objects.attribute(root, "simulated_time_reached", simulatedTimeReached)
            try HDF5Objects.attribute(root, "completion_status", status.rawValue)
            if let start = metadata.startTime { try HDF5Objects.attribute(root, "start_time", start) }
        } catch {
            firstError = firstError ?? error
        }
        pipeline.stop()
        types.close()
        if H5Fclose(file) < 0 && firstError == nil {
            firstError = HDF5Error.fromStack("close \(partialPath)")
        }
        if let firstError { throw firstError }
        closedCleanly = true
        // rename(2) replaces an existing file atomically: a reader sees the old file or the new one.
        if status != .failed && rename(partialPath, finalPath) != 0 {
            throw HDF5Error(operation: "rename \(partialPath) to \(finalPath)",
                            message: String(cString: strerror(errno)))
        }
    }
}
