import CHDF5
import Foundation

/// Reads a result file back for a terminal summary (`takt inspect`).
public enum ResultFileInspector {
    /// The streamed and per-run tables, in the order they are listed.
    static let runTables = ["events", "operations", "jobs", "states", "timeseries", "sensors", "truth", "process",
                            "inspections",
                             "defect_truth", "kpis"]

    /// A summary of the file: provenance and completion status (root attributes), every run with
    /// the row count of each table, and the KPI intervals.
    /// - Throws: `ResultFileReadError` when the file is missing or HDF5 cannot open it (the
    ///   message says why, and for a killed run's `.partial` suggests `h5clear -s`).
    public static func summary(path: String) throws -> String {
        let file = try openReadOnly(path)
        defer { H5Fclose(file) }
        var lines = [header(path)]
        lines += attributes(file)
        if let schedule = schedule(file) { return (lines + schedule).joined(separator: "\n") }
        lines += runs(file)
        lines += intervals(file)
        lines += comparison(file)
        return lines.joined(separator: "\n")
    }

    static func header(_ path: String) -> String {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        return bytes.map { "\(path) (" + String(format: "%.1f MB", Double($0) / 1e6) + ")" } ?? path
    }

    /// The root attributes, one per line.
    static func attributes(_ file: hid_t) -> [String] {
        var lines: [String] = []
        for name in ["kind", "format_version", "scenario_name", "scenario_file", "variant", "completion_status",
                     "created",
                     "takt_version", "git_commit", "host"] {
            if let value = HDF5Reading.stringAttribute(file, name) { lines.append("  \(name): \(value)") }
        }
        if HDF5Reading.stringAttribute(file, "completion_status") == "partial" {
            lines.append("  (not closed: the run was killed or is still writing; tables hold the rows flushed so far)")
        }
        for name in ["seed", "replications"] {
            if let value = HDF5Reading.integerAttribute(file, name) { lines.append("  \(name): \(value)") }
        }
        for name in ["simulated_time_reached", "wall_seconds"] {
            if let value = HDF5Reading.doubleAttribute(file, name) {
                lines.append("  \(name): " + String(format: "%.3f s", value))
            }
        }
        return lines
    }

    /// One line per run: `variant/replication: table rows, …; status`.
    static func runs(_ file: hid_t) -> [String] {
        var lines = ["runs:"]
        for variant in HDF5Reading.members(file, "runs") {
            let replications = HDF5Reading.members(file, "runs/\(variant)")
                .sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }
            for replication in replications {
                let group = "runs/\(variant)/\(replication)"
                let counts = runTables.compactMap { table in HDF5Reading.rowCount(file, "\(group)/\(table)")
                                                    .map { "\(table) \($0)" } }
                let run = H5Gopen2(file, group, takt_h5p_default())
                let status = run >= 0 ? HDF5Reading.stringAttribute(run, "status") : nil
                if run >= 0 { H5Gclose(run) }
                lines.append("  \(variant)/\(replication): " + counts.joined(separator: ", ") + "; "
                                 + (status ?? "unfinished"))
            }
        }
        if lines.count == 1 { lines.append("  (none)") }
        return lines
    }

    /// The KPI confidence intervals of /summary/intervals.
    static func intervals(_ file: hid_t) -> [String] {
        guard let rows = try? readIntervals(file), let first = rows.first else {
            return ["KPIs: no summary (written when every replication has finished)"]
        }
        let variants = Set(rows.map(\.variant))
        let level = first.level.isFinite ? String(format: "%g%% confidence", first.level * 100) : "confidence"
        var lines = ["KPIs (mean ± half-width, \(level), n = \(first.n)):"]
        for row in rows {
            let half = row.halfWidth.isNaN ? "" : String(format: " ± %.4g", row.halfWidth)
            let name = variants.count > 1 ? "\(row.variant): \(row.kpi)" : row.kpi
            lines.append("  \(name) [\(row.unit)]: " + String(format: "%.4g", row.mean) + half)
        }
        return lines
    }
}
