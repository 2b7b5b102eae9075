import CHDF5
import Foundation

/// A table of named columns, written whole as one compound HDF5 dataset.
public struct ColumnTable: Sendable {
    /// The values of one column, one per row.
    public enum Values: Sendable, Equatable {
        case string([String])
        case int32([Int32])
        case int64([Int64])
        case uint64([UInt64])
        case double([Double])

        public var count: Int {
            switch self {
            case .string(let values): return values.count
            case .int32(let values): return values.count
            case .int64(let values): return values.count
            case .uint64(let values): return values.count
            case .double(let values): return values.count
            }
        }
    }

    /// The columns, in order; every one has the same number of values.
    public var columns: [(name: String, values: Values)]

    public init(_ columns: [(name: String, values: Values)] = []) { self.columns = columns }

    /// Rows (the length of the first column; 0 without columns).
    public var rowCount: Int { columns.first?.values.count ?? 0 }

    /// The column named `name`.
    public subscript(name: String) -> Values? { columns.first { $0.name == name }?.values }

    /// True when both tables have the same column names and bit-identical values (NaN equal to
    /// the same NaN): the determinism check of sweeps.
    public func isBitIdentical(to other: ColumnTable) -> Bool {
        guard columns.count == other.columns.count else { return false }
        for (mine, theirs) in zip(columns, other.columns) {
            guard mine.name == theirs.name else { return false }
            switch (mine.values, theirs.values) {
            case (.double(let a), .double(let b)):
                guard a.map(\.bitPattern) == b.map(\.bitPattern) else { return false }
            default:
                guard mine.values == theirs.values else { return false }
            }
        }
        return true
    }

    func smallTable() -> SmallTable {
        var table = SmallTable(columns.map { column -> (String, SmallTable.Kind) in
            switch column.values {
            case .string: return (column.name, .string)
            case .int32: return (column.name, .int32)
            case .int64: return (column.name, .int64)
            case .uint64: return (column.name, .uint64)
            case .double: return (column.name, .double)
            }
        })
        table.rows = (0..<rowCount).map { row in
            columns.map { column -> SmallTable.Value in
                switch column.values {
                case .string(let values): return .string(values[row])
                case .int32(let values): return .int32(values[row])
                case .int64(let values): return .int64(values[row])
                case .uint64(let values): return .uint64(values[row])
                case .double(let values): return .double(values[row])
                }
            }
        }
        return table
    }
}

/// A derived HDF5 file written in one go — tables, attributes, texts and links to other files —
/// such as the merged summary of a sweep. Written as `<path>.partial` and renamed over `<path>`
/// by `close()`, so readers see the old file or the new one, never half of one. Not thread-safe.
public final class TableFile {
    private let file: hid_t
    private var closed = false
    public let finalPath: String
    public var partialPath: String { finalPath + ".partial" }

    /// Creates `<path>.partial`, replacing a leftover one (a derived file is rebuilt, never appended).
    public init(path: String) throws {
        finalPath = path
        silenceHDF5Errors()
        try? FileManager.default.removeItem(atPath: path + ".partial")
        file = try check(H5Fcreate(path + ".partial", takt_h5f_acc_excl(), takt_h5p_default(), takt_h5p_default()),
                         "create \(path).partial")
    }

    deinit { if !closed { abandon() } }

    private func withGroup<T>(_ path: String, _ body: (hid_t) throws -> T) throws -> T {
        silenceHDF5Errors()
        let group = path == "/" ? try check(H5Gopen2(file, "/", takt_h5p_default()), "open root group")
            : try HDF5Objects.group(file, path)
        defer { H5Gclose(group) }
        return try body(group)
    }

    /// A scalar string attribute of `group` (created if needed; "/" is the root).
    public func attribute(_ name: String, _ value: String, group: String = "/") throws {
        try withGroup(group) { try HDF5Objects.attribute($0, name, value) }
    }

    public func attribute(_ name: String, _ value: Int64, group: String = "/") throws {
        try withGroup(group) { try HDF5Objects.attribute($0, name, value) }
    }

    public func attribute(_ name: String, _ value: UInt64, group: String = "/") throws {
        try withGroup(group) { try HDF5Objects.attribute($0, name, value) }
    }

    public func attribute(_ name: String, _ value: Double, group: String = "/") throws {
        try withGroup(group) { try HDF5Objects.attribute($0, name, value) }
    }

    /// A string-array attribute.
    public func attribute(_ name: String, _ values: [String], group: String = "/") throws {
        try withGroup(group) { try HDF5Objects.attribute($0, name, values) }
    }

    /// A scalar string dataset (a source text), with a description.
    public func text(_ name: String, _ value: String, group: String, description: String) throws {
        try withGroup(group) { try HDF5Objects.stringDataset($0, name, value, description: description) }
    }

    /// `table` as the compound dataset `group/name`, with `description` and `units` (JSON) attributes.
    public func table(_ table: ColumnTable, name: String, group: String, description: String, units: String) throws {
        try withGroup(group) { try table.smallTable()
                               .write(to: $0, name: name, description: description, units: units) }
    }

    /// A link `group/name` to the object `object` ("/" for the root group) of another HDF5 file.
    /// A relative `targetFile` is resolved by readers against the folder of this file.
    public func externalLink(_ name: String, group: String, targetFile: String, object: String = "/") throws {
        try withGroup(group) { group in
            try check(H5Lcreate_external(targetFile, object, group, name, takt_h5p_default(), takt_h5p_default()),
                      "link \(name) to \(targetFile)")
        }
    }

    /// Closes the file and renames it over `finalPath`.
    public func close() throws {
        guard !closed else { return }
        closed = true
        silenceHDF5Errors()
        if H5Fclose(file) < 0 {
            let error = HDF5Error.fromStack("close \(partialPath)")
            try? FileManager.default.removeItem(atPath: partialPath)
            throw error
        }
        if rename(partialPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: partialPath)
            throw HDF5Error(operation: "rename \(partialPath) to \(finalPath)", message: reason)
        }
    }

    /// Closes and removes the unfinished file (after an error).
    public func abandon() {
        guard !closed else { return }
        closed = true
        H5Fclose(file)
        try? FileManager.default.removeItem(atPath: partialPath)
    }
}
