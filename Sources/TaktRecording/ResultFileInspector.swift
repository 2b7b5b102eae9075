import CHDF5
import Foundation

/// Reads a result file back for a terminal summary (`takt inspect`).
public enum ResultFileInspector {
    /// A summary of the file: provenance, completion status, runs with their table sizes, and the
    /// KPI intervals. - Throws: `HDF5Error` when the file cannot be opened.
    public static func summary(path: String) throws -> String {
        silenceHDF5Errors()
        let file = H5Fopen(path, takt_h5f_acc_rdonly(), takt_h5p_default())
        guard file >= 0 else {
            let hint = path.hasSuffix(".partial")
                ? " A killed run leaves its file in this state; `h5clear -s \(path)` usually makes the flushed rows readable."
                : ""
            throw HDF5Error(operation: "open \(path)", message: lastHDF5Message() + hint)
        }
        defer { H5Fclose(file) }
        var lines: [String] = ["\(path)"]
        for name in ["scenario_name", "scenario_file", "variant", "completion_status", "created", "takt_version", "git_commit", "host"] {
            if let value = stringAttribute(file, name) { lines.append("  \(name): \(value)") }
        }
        for name in ["seed", "replications"] {
            if let value = integerAttribute(file, name) { lines.append("  \(name): \(value)") }
        }
        for name in ["simulated_time_reached", "wall_seconds"] {
            if let value = doubleAttribute(file, name) { lines.append("  \(name): \(String(format: "%.3f", value)) s") }
        }
        let variant = stringAttribute(file, "variant") ?? "base"
        lines.append("runs:")
        var replication = 0
        while H5Lexists(file, "runs", takt_h5p_default()) > 0, H5Lexists(file, "runs/\(variant)", takt_h5p_default()) > 0,
              H5Lexists(file, "runs/\(variant)/\(replication)", takt_h5p_default()) > 0 {
            let counts = ["events", "operations", "jobs", "states", "timeseries"].map { table -> String in
                "\(table) \(rowCount(file, "runs/\(variant)/\(replication)/\(table)").map(String.init) ?? "-")"
            }
            lines.append("  \(variant)/\(replication): " + counts.joined(separator: ", "))
            replication += 1
        }
        if replication == 0 { lines.append("  (none)") }
        if let intervals = try? readIntervals(file) {
            lines.append("KPIs (mean ± half-width):")
            for row in intervals {
                let half = row.halfWidth.isNaN ? "" : String(format: " ± %.4g", row.halfWidth)
                lines.append("  \(row.kpi) [\(row.unit)]: " + String(format: "%.4g", row.mean) + half)
            }
        }
        return lines.joined(separator: "\n")
    }

    static func rowCount(_ file: hid_t, _ path: String) -> Int? {
        guard H5Lexists(file, path, takt_h5p_default()) > 0 else { return nil }
        let dataset = H5Dopen2(file, path, takt_h5p_default())
        guard dataset >= 0 else { return nil }
        defer { H5Dclose(dataset) }
        let space = H5Dget_space(dataset)
        defer { H5Sclose(space) }
        var dims = [hsize_t](repeating: 0, count: 2)
        H5Sget_simple_extent_dims(space, &dims, nil)
        return Int(dims[0])
    }

    static func stringAttribute(_ object: hid_t, _ name: String) -> String? {
        guard H5Aexists(object, name) > 0 else { return nil }
        let attribute = H5Aopen(object, name, takt_h5p_default())
        guard attribute >= 0 else { return nil }
        defer { H5Aclose(attribute) }
        guard let type = try? HDF5Types.string() else { return nil }
        defer { H5Tclose(type) }
        var pointer: UnsafeMutablePointer<CChar>?
        guard H5Aread(attribute, type, &pointer) >= 0, let pointer else { return nil }
        defer { H5free_memory(pointer) }
        return String(cString: pointer)
    }

    static func integerAttribute(_ object: hid_t, _ name: String) -> Int64? {
        guard H5Aexists(object, name) > 0 else { return nil }
        let attribute = H5Aopen(object, name, takt_h5p_default())
        guard attribute >= 0 else { return nil }
        defer { H5Aclose(attribute) }
        var value: Int64 = 0
        return H5Aread(attribute, takt_h5t_native_int64(), &value) >= 0 ? value : nil
    }

    static func doubleAttribute(_ object: hid_t, _ name: String) -> Double? {
        guard H5Aexists(object, name) > 0 else { return nil }
        let attribute = H5Aopen(object, name, takt_h5p_default())
        guard attribute >= 0 else { return nil }
        defer { H5Aclose(attribute) }
        var value = 0.0
        return H5Aread(attribute, takt_h5t_native_double(), &value) >= 0 ? value : nil
    }

    struct IntervalRow { var kpi: String, unit: String, mean: Double, halfWidth: Double }

    /// Reads kpi, unit, mean and half_width of /summary/intervals.
    static func readIntervals(_ file: hid_t) throws -> [IntervalRow] {
        struct Row { var kpi: UnsafeMutablePointer<CChar>?; var unit: UnsafeMutablePointer<CChar>?; var mean: Double; var half: Double }
        guard let count = rowCount(file, "summary/intervals"), count > 0 else { return [] }
        let stringType = try HDF5Types.string()
        defer { H5Tclose(stringType) }
        let memory = try HDF5Types.compound(size: MemoryLayout<Row>.stride, members: [
            ("kpi", MemoryLayout<Row>.offset(of: \Row.kpi)!, stringType), ("unit", MemoryLayout<Row>.offset(of: \Row.unit)!, stringType),
            ("mean", MemoryLayout<Row>.offset(of: \Row.mean)!, takt_h5t_native_double()),
            ("half_width", MemoryLayout<Row>.offset(of: \Row.half)!, takt_h5t_native_double()),
        ])
        defer { H5Tclose(memory) }
        let dataset = try check(H5Dopen2(file, "summary/intervals", takt_h5p_default()), "open summary/intervals")
        defer { H5Dclose(dataset) }
        var rows = [Row](repeating: Row(kpi: nil, unit: nil, mean: 0, half: 0), count: count)
        try check(H5Dread(dataset, memory, takt_h5s_all(), takt_h5s_all(), takt_h5p_default(), &rows), "read summary/intervals")
        defer { for row in rows { H5free_memory(row.kpi); H5free_memory(row.unit) } }
        return rows.map { IntervalRow(kpi: $0.kpi.map { String(cString: $0) } ?? "", unit: $0.unit.map { String(cString: $0) } ?? "",
                                      mean: $0.mean, halfWidth: $0.half) }
    }
}
