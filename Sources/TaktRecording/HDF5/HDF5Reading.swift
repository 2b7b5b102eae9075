import CHDF5

/// Lenient reads for inspecting a file: attributes, table lengths and group members, each nil
/// (or empty) when absent or unreadable rather than thrown, since a damaged file is still worth
/// summarising as far as it goes.
enum HDF5Reading {
    /// A string attribute (variable- or fixed-length) of `object`.
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

    /// An integer attribute of `object`, converted by HDF5 to int64.
    static func integerAttribute(_ object: hid_t, _ name: String) -> Int64? {
        guard H5Aexists(object, name) > 0 else { return nil }
        let attribute = H5Aopen(object, name, takt_h5p_default())
        guard attribute >= 0 else { return nil }
        defer { H5Aclose(attribute) }
        var value: Int64 = 0
        return H5Aread(attribute, takt_h5t_native_int64(), &value) >= 0 ? value : nil
    }

    /// A floating-point attribute of `object`.
    static func doubleAttribute(_ object: hid_t, _ name: String) -> Double? {
        guard H5Aexists(object, name) > 0 else { return nil }
        let attribute = H5Aopen(object, name, takt_h5p_default())
        guard attribute >= 0 else { return nil }
        defer { H5Aclose(attribute) }
        var value = 0.0
        return H5Aread(attribute, takt_h5t_native_double(), &value) >= 0 ? value : nil
    }

    /// True if `path` (relative to `location`, every step of it) exists.
    static func exists(_ location: hid_t, _ path: String) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += prefix.isEmpty ? String(part) : "/" + part
            if H5Lexists(location, prefix, takt_h5p_default()) <= 0 { return false }
        }
        return !prefix.isEmpty
    }

    /// The number of rows (first dimension) of dataset `path`, or nil if it is missing.
    static func rowCount(_ location: hid_t, _ path: String) -> Int? {
        guard exists(location, path) else { return nil }
        let dataset = H5Dopen2(location, path, takt_h5p_default())
        guard dataset >= 0 else { return nil }
        defer { H5Dclose(dataset) }
        let space = H5Dget_space(dataset)
        guard space >= 0 else { return nil }
        defer { H5Sclose(space) }
        var dims = [hsize_t](repeating: 0, count: 8)
        guard (1...8).contains(H5Sget_simple_extent_ndims(space)), H5Sget_simple_extent_dims(space, &dims, nil) >= 0
        else { return nil }
        return Int(dims[0])
    }

    /// The names of the links in group `path`, in name order.
    static func members(_ location: hid_t, _ path: String) -> [String] {
        guard exists(location, path) else { return [] }
        let group = H5Gopen2(location, path, takt_h5p_default())
        guard group >= 0 else { return [] }
        defer { H5Gclose(group) }
        var info = H5G_info_t()
        guard H5Gget_info(group, &info) >= 0 else { return [] }
        return (0..<info.nlinks).compactMap { index -> String? in
            let length = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, takt_h5p_default())
            guard length >= 0 else { return nil }
            var name = [CChar](repeating: 0, count: Int(length) + 1)
            guard H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, &name, name.count,
                                     takt_h5p_default()) >= 0
            else { return nil }
            return String(decoding: name.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
