import CHDF5
import Foundation

/// Groups, attributes and small whole datasets.
enum HDF5Objects {
    /// Opens `path` under `parent`, creating it and any missing intermediate groups.
    static func group(_ parent: hid_t, _ path: String) throws -> hid_t {
        if H5Lexists(parent, path, takt_h5p_default()) > 0 {
            return try check(H5Gopen2(parent, path, takt_h5p_default()), "open group \(path)")
        }
        let links = try check(H5Pcreate(takt_h5p_link_create()), "create link property list")
        defer { H5Pclose(links) }
        try check(H5Pset_create_intermediate_group(links, 1), "allow intermediate groups")
        return try check(H5Gcreate2(parent, path, links, takt_h5p_default(), takt_h5p_default()),
                         "create group \(path)")
    }

    /// Writes a scalar string attribute (variable-length UTF-8).
    static func attribute(_ object: hid_t, _ name: String, _ value: String) throws {
        let type = try HDF5Types.string()
        defer { H5Tclose(type) }
        let space = try check(H5Screate(H5S_SCALAR), "create scalar space")
        defer { H5Sclose(space) }
        if H5Aexists(object, name) > 0 { H5Adelete(object, name) }
        let attribute = try check(H5Acreate2(object, name, type, space, takt_h5p_default(), takt_h5p_default()),
                                  "create attribute \(name)")
        defer { H5Aclose(attribute) }
        try value.withCString { pointer in
            var pointers: [UnsafePointer<CChar>?] = [pointer]
            try check(H5Awrite(attribute, type, &pointers), "write attribute \(name)")
        }
    }

    /// Writes a 1-D string-array attribute.
    static func attribute(_ object: hid_t, _ name: String, _ values: [String]) throws {
        let type = try HDF5Types.string()
        defer { H5Tclose(type) }
        var dims: [hsize_t] = [hsize_t(values.count)]
        let space = try check(H5Screate_simple(1, &dims, nil), "create space")
        defer { H5Sclose(space) }
        if H5Aexists(object, name) > 0 { H5Adelete(object, name) }
        let attribute = try check(H5Acreate2(object, name, type, space, takt_h5p_default(), takt_h5p_default()),
                                  "create attribute \(name)")
        defer { H5Aclose(attribute) }
        let copies = values.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var pointers = copies.map { UnsafePointer<CChar>($0) }
        try check(H5Awrite(attribute, type, &pointers), "write attribute \(name)")
    }

    /// Writes a scalar numeric attribute of the given native type.
    static func attribute<Value: BitwiseCopyable>(_ object: hid_t, _ name: String, _ value: Value, type: hid_t) throws {
        let space = try check(H5Screate(H5S_SCALAR), "create scalar space")
        defer { H5Sclose(space) }
        if H5Aexists(object, name) > 0 { H5Adelete(object, name) }
        let attribute = try check(H5Acreate2(object, name, type, space, takt_h5p_default(), takt_h5p_default()),
                                  "create attribute \(name)")
        defer { H5Aclose(attribute) }
        try withUnsafeBytes(of: value) { bytes in
            try check(H5Awrite(attribute, type, bytes.baseAddress), "write attribute \(name)")
        }
    }

    static func attribute(_ object: hid_t, _ name: String, _ value: Double) throws {
        try attribute(object, name, value, type: takt_h5t_native_double())
    }

    static func attribute(_ object: hid_t, _ name: String, _ value: Int64) throws {
        try attribute(object, name, value, type: takt_h5t_native_int64())
    }

    static func attribute(_ object: hid_t, _ name: String, _ value: UInt64) throws {
        try attribute(object, name, value, type: takt_h5t_native_uint64())
    }

    /// A scalar variable-length string dataset (the scenario texts).
    static func stringDataset(_ parent: hid_t, _ name: String, _ value: String, description: String) throws {
        let type = try HDF5Types.string()
        defer { H5Tclose(type) }
        let space = try check(H5Screate(H5S_SCALAR), "create scalar space")
        defer { H5Sclose(space) }
        let dataset = try check(H5Dcreate2(parent, name, type, space, takt_h5p_default(), takt_h5p_default(),
                                           takt_h5p_default()),
                                "create dataset \(name)")
        defer { H5Dclose(dataset) }
        try value.withCString { pointer in
            var pointers: [UnsafePointer<CChar>?] = [pointer]
            try check(H5Dwrite(dataset, type, takt_h5s_all(), takt_h5s_all(), takt_h5p_default(), &pointers),
                      "write \(name)")
        }
        try attribute(dataset, "description", description)
        try attribute(dataset, "units", "")
    }
}
