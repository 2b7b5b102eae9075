import CHDF5
import Foundation

/// One replication as read back from a result file: its KPIs and run attributes.
public struct RecordedReplication: Sendable {
    public var variant: String
    public var replication: Int
    public var kpis: [ResultKPI]
    public var seed: UInt64
    public var eventsProcessed: Int
    public var simulatedSeconds: Double
    public var wallSeconds: Double
    /// `complete` or `interrupted`.
    public var status: String
}

/// Reads what other tools need back from a closed result file (the sweep merge), and adds
/// provenance to one before it is published under its final name.
public enum ResultFileReader {
    /// The root attribute `completion_status` and every replication of every variant, in
    /// (variant, replication) order.
    /// - Throws: `ResultFileReadError` when the file cannot be opened, `HDF5Error` when a KPI
    ///   table cannot be read.
    public static func replications(path: String) throws -> (status: String, replications: [RecordedReplication]) {
        let file = try ResultFileInspector.openReadOnly(path)
        defer { H5Fclose(file) }
        let status = HDF5Reading.stringAttribute(file, "completion_status") ?? "unknown"
        var found: [RecordedReplication] = []
        for variant in HDF5Reading.members(file, "runs") {
            let indices = HDF5Reading.members(file, "runs/\(variant)").compactMap(Int.init).sorted()
            for index in indices {
                let path = "runs/\(variant)/\(index)"
                let group = try check(H5Gopen2(file, path, takt_h5p_default()), "open \(path)")
                defer { H5Gclose(group) }
                found.append(RecordedReplication(
                    variant: variant, replication: index, kpis: try readKPIs(file, "\(path)/kpis"),
                    seed: UInt64(bitPattern: HDF5Reading.integerAttribute(group, "seed") ?? 0),
                    eventsProcessed: Int(HDF5Reading.integerAttribute(group, "events_processed") ?? 0),
                    simulatedSeconds: HDF5Reading.doubleAttribute(group, "simulated_seconds") ?? .nan,
                    wallSeconds: HDF5Reading.doubleAttribute(group, "wall_seconds") ?? .nan,
                    status: HDF5Reading.stringAttribute(group, "status") ?? "unfinished"))
            }
        }
        return (status, found)
    }

    /// Reads a run's `kpis` table (name, label, unit, value).
    static func readKPIs(_ file: hid_t, _ path: String) throws -> [ResultKPI] {
        struct Row {
            var name: UnsafeMutablePointer<CChar>?, label: UnsafeMutablePointer<CChar>?,
                unit: UnsafeMutablePointer<CChar>?
            var value: Double
        }
        guard let count = HDF5Reading.rowCount(file, path), count > 0 else { return [] }
        let text = try HDF5Types.string()
        defer { H5Tclose(text) }
        func offset(_ key: PartialKeyPath<Row>) -> Int { MemoryLayout<Row>.offset(of: key)! }
        let memory = try HDF5Types.compound(size: MemoryLayout<Row>.stride, members: [
            ("name", offset(\Row.name), text), ("label", offset(\Row.label), text), ("unit", offset(\Row.unit), text),
            ("value", offset(\Row.value), takt_h5t_native_double()),
        ])
        defer { H5Tclose(memory) }
        let dataset = try check(H5Dopen2(file, path, takt_h5p_default()), "open \(path)")
        defer { H5Dclose(dataset) }
        var rows = [Row](repeating: Row(name: nil, label: nil, unit: nil, value: 0), count: count)
        try check(H5Dread(dataset, memory, takt_h5s_all(), takt_h5s_all(), takt_h5p_default(), &rows), "read \(path)")
        defer { for row in rows { H5free_memory(row.name); H5free_memory(row.label); H5free_memory(row.unit) } }
        func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
        return rows.map { ResultKPI(name: string($0.name), label: string($0.label), unit: string($0.unit),
                                    value: $0.value) }
    }

    /// An attribute value for `annotate`.
    public enum AttributeValue: Sendable {
        case string(String), strings([String]), int(Int64), uint(UInt64), double(Double)
    }

    /// Opens the closed result file at `path` for writing and adds `attributes` to `group`
    /// (created if missing): provenance added by the tool that made the run, such as the sweep
    /// point of a run. Meant for a file still under a temporary name.
    public static func annotate(path: String, group: String, attributes: [(String, AttributeValue)]) throws {
        silenceHDF5Errors()
        let file = try check(H5Fopen(path, takt_h5f_acc_rdwr(), takt_h5p_default()), "open \(path) for writing")
        var firstError: (any Error)?
        do {
            let target = try HDF5Objects.group(file, group)
            defer { H5Gclose(target) }
            for (name, value) in attributes {
                switch value {
                case .string(let text): try HDF5Objects.attribute(target, name, text)
                case .strings(let texts): try HDF5Objects.attribute(target, name, texts)
                case .int(let number): try HDF5Objects.attribute(target, name, number)
                case .uint(let number): try HDF5Objects.attribute(target, name, number)
                case .double(let number): try HDF5Objects.attribute(target, name, number)
                }
            }
        } catch {
            firstError = error
        }
        if H5Fclose(file) < 0 && firstError == nil { firstError = HDF5Error.fromStack("close \(path)") }
        if let firstError { throw firstError }
    }
}
