import CHDF5
import Foundation

/// A whole compound table written at once from column values: lookups, KPIs, summaries.
/// Strings are variable-length UTF-8; numbers native.
struct SmallTable {
    enum Kind { case string, int32, int64, uint64, uint8, double }
    enum Value {
        case string(String), int32(Int32), int64(Int64), uint64(UInt64), uint8(UInt8), double(Double)
    }

    let columns: [(name: String, kind: Kind)]
    var rows: [[Value]] = []

    init(_ columns: [(name: String, kind: Kind)]) { self.columns = columns }

    static func size(of kind: Kind) -> Int {
        switch kind {
        case .string, .int64, .uint64, .double: return 8
        case .int32: return 4
        case .uint8: return 1
        }
    }

    /// Writes the table as dataset `name` under `parent`, with `description` and `units` attributes.
    func write(to parent: hid_t, name: String, description: String, units: String) throws {
        var offsets: [Int] = []
        var size = 0
        for column in columns {
            let width = Self.size(of: column.kind)
            size = (size + width - 1) / width * width
            offsets.append(size)
            size += width
        }
        size = (size + 7) / 8 * 8
        let stringType = try HDF5Types.string()
        defer { H5Tclose(stringType) }
        let members = columns.enumerated().map { index, column -> (String, Int, hid_t) in
            let type: hid_t
            switch column.kind {
            case .string: type = stringType
            case .int32: type = takt_h5t_native_int32()
            case .int64: type = takt_h5t_native_int64()
            case .uint64: type = takt_h5t_native_uint64()
            case .uint8: type = takt_h5t_native_uint8()
            case .double: type = takt_h5t_native_double()
            }
            return (column.name, offsets[index], type)
        }
        let memory = try HDF5Types.compound(size: size, members: members)
        defer { H5Tclose(memory) }
        let file = try HDF5Types.packed(memory)
        defer { H5Tclose(file) }
        var buffer = [UInt8](repeating: 0, count: max(1, size * rows.count))
        var strings: [UnsafeMutablePointer<CChar>?] = []
        defer { strings.forEach { free($0) } }
        buffer.withUnsafeMutableBytes { raw in
            for (rowIndex, row) in rows.enumerated() {
                for (columnIndex, value) in row.enumerated() {
                    let at = rowIndex * size + offsets[columnIndex]
                    switch value {
                    case .string(let text):
                        let copy = strdup(text)
                        strings.append(copy)
                        raw.storeBytes(of: UnsafePointer<CChar>(copy), toByteOffset: at, as: UnsafePointer<CChar>?.self)
                    case .int32(let number): raw.storeBytes(of: number, toByteOffset: at, as: Int32.self)
                    case .int64(let number): raw.storeBytes(of: number, toByteOffset: at, as: Int64.self)
                    case .uint64(let number): raw.storeBytes(of: number, toByteOffset: at, as: UInt64.self)
                    case .uint8(let number): raw.storeBytes(of: number, toByteOffset: at, as: UInt8.self)
                    case .double(let number): raw.storeBytes(of: number, toByteOffset: at, as: Double.self)
                    }
                }
            }
        }
        var dims: [hsize_t] = [hsize_t(rows.count)]
        let space = try check(H5Screate_simple(1, &dims, nil), "create space for \(name)")
        defer { H5Sclose(space) }
        let dataset = try check(H5Dcreate2(parent, name, file, space, takt_h5p_default(), takt_h5p_default(),
                                           takt_h5p_default()),
                                "create dataset \(name)")
        defer { H5Dclose(dataset) }
        if !rows.isEmpty {
            try check(H5Dwrite(dataset, memory, takt_h5s_all(), takt_h5s_all(), takt_h5p_default(), &buffer),
                      "write \(name)")
        }
        try HDF5Objects.attribute(dataset, "description", description)
        try HDF5Objects.attribute(dataset, "units", units)
    }
}
