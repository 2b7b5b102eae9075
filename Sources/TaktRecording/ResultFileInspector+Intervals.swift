import CHDF5

extension ResultFileInspector {
    /// One row of /summary/intervals as the inspector prints it.
    struct IntervalRow {
        var variant: String, kpi: String, unit: String
        var mean: Double, halfWidth: Double, level: Double, n: Int32
    }

    /// Reads /summary/intervals (empty when the run never wrote its summary).
    static func readIntervals(_ file: hid_t) throws -> [IntervalRow] {
        struct Row {
            var variant: UnsafeMutablePointer<CChar>?, kpi: UnsafeMutablePointer<CChar>?,
                unit: UnsafeMutablePointer<CChar>?
            var mean: Double, half: Double, level: Double, n: Int32
        }
        guard let count = HDF5Reading.rowCount(file, "summary/intervals"), count > 0 else { return [] }
        let text = try HDF5Types.string()
        defer { H5Tclose(text) }
        func offset(_ path: PartialKeyPath<Row>) -> Int { MemoryLayout<Row>.offset(of: path)! }
        let memory = try HDF5Types.compound(size: MemoryLayout<Row>.stride, members: [
            ("variant", offset(\Row.variant), text), ("kpi", offset(\Row.kpi), text), ("unit", offset(\Row.unit), text),
            ("mean", offset(\Row.mean), takt_h5t_native_double()),
            ("half_width", offset(\Row.half), takt_h5t_native_double()),
            ("level", offset(\Row.level), takt_h5t_native_double()), ("n", offset(\Row.n), takt_h5t_native_int32()),
        ])
        defer { H5Tclose(memory) }
        let dataset = try check(H5Dopen2(file, "summary/intervals", takt_h5p_default()), "open summary/intervals")
        defer { H5Dclose(dataset) }
        var rows = [Row](repeating: Row(variant: nil, kpi: nil, unit: nil, mean: 0, half: 0, level: 0, n: 0),
                         count: count)
        try check(H5Dread(dataset, memory, takt_h5s_all(), takt_h5s_all(), takt_h5p_default(), &rows),
                  "read summary/intervals")
        defer { for row in rows { H5free_memory(row.variant); H5free_memory(row.kpi); H5free_memory(row.unit) } }
        func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
        return rows.map {
            IntervalRow(variant: string($0.variant), kpi: string($0.kpi), unit: string($0.unit), mean: $0.mean,
                        halfWidth: $0.half, level: $0.level, n: $0.n)
        }
    }
}
