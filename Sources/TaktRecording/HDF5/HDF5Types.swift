import CHDF5

/// Builders for the HDF5 datatypes of Takt's tables.
enum HDF5Types {
    /// A variable-length UTF-8 string type (caller closes).
    static func string() throws -> hid_t {
        let type = try check(H5Tcopy(takt_h5t_c_s1()), "copy string type")
        try check(H5Tset_size(type, takt_h5t_variable()), "make string type variable-length")
        try check(H5Tset_cset(type, takt_h5t_cset_utf8()), "set UTF-8 on string type")
        return type
    }

    /// A uint8-based enum type with the given (value, name) members (caller closes).
    static func enumeration(_ members: [(value: UInt8, name: String)]) throws -> hid_t {
        let type = try check(H5Tenum_create(takt_h5t_native_uint8()), "create enum type")
        for member in members {
            var value = member.value
            try check(H5Tenum_insert(type, member.name, &value), "insert enum member \(member.name)")
        }
        return type
    }

    /// A compound type of `size` bytes with members at the given offsets (caller closes).
    static func compound(size: Int, members: [(name: String, offset: Int, type: hid_t)]) throws -> hid_t {
        let type = try check(H5Tcreate(takt_h5t_compound(), size), "create compound type")
        for member in members {
            try check(H5Tinsert(type, member.name, member.offset, member.type), "insert member \(member.name)")
        }
        return type
    }

    /// A packed copy of a compound type, for the file (no padding on disk).
    static func packed(_ type: hid_t) throws -> hid_t {
        let copy = try check(H5Tcopy(type), "copy compound type")
        try check(H5Tpack(copy), "pack compound type")
        return copy
    }
}
