import CHDF5

/// Reads a result file back through the HDF5 C API directly, independently of the writer's code,
/// so the tests check what is in the file rather than what TaktRecording believes it wrote.
final class HDF5TestReader {
    let file: hid_t

    init(_ path: String) throws {
        takt_h5_silence_errors()
        file = H5Fopen(path, takt_h5f_acc_rdonly(), takt_h5p_default())
        if file < 0 { throw TestFailure("HDF5 cannot open \(path)") }
    }

    deinit { H5Fclose(file) }

    /// Opens dataset `path`, hands it to `body`, closes it.
    func withDataset<T>(_ path: String, _ body: (hid_t) throws -> T) throws -> T {
        let dataset = H5Dopen2(file, path, takt_h5p_default())
        if dataset < 0 { throw TestFailure("no dataset \(path)") }
        defer { H5Dclose(dataset) }
        return try body(dataset)
    }

    /// How many links group `path` holds (throws if there is no such group).
    func linkCount(_ path: String) throws -> Int {
        let group = H5Gopen2(file, path, takt_h5p_default())
        if group < 0 { throw TestFailure("no group \(path)") }
        defer { H5Gclose(group) }
        var info = H5G_info_t()
        if H5Gget_info(group, &info) < 0 { throw TestFailure("cannot read group \(path)") }
        return Int(info.nlinks)
    }

    /// The dimensions of dataset `path`.
    func shape(_ path: String) throws -> [Int] {
        try withDataset(path) { dataset in
            let space = H5Dget_space(dataset)
            defer { H5Sclose(space) }
            var dims = [hsize_t](repeating: 0, count: Int(H5Sget_simple_extent_ndims(space)))
            H5Sget_simple_extent_dims(space, &dims, nil)
            return dims.map { Int($0) }
        }
    }

    func rows(_ path: String) throws -> Int { try shape(path).first ?? 1 }

    /// Member names of a compound dataset, in order.
    func memberNames(_ path: String) throws -> [String] {
        try withDataset(path) { dataset in
            let type = H5Dget_type(dataset)
            defer { H5Tclose(type) }
            return (0..<UInt32(H5Tget_nmembers(type))).map { index in
                let name = H5Tget_member_name(type, index)!
                defer { H5free_memory(name) }
                return String(cString: name)
            }
        }
    }

    /// The stored (file) size of one row of `path`, in bytes.
    func storedRowSize(_ path: String) throws -> Int {
        try withDataset(path) { dataset in
            let type = H5Dget_type(dataset)
            defer { H5Tclose(type) }
            return H5Tget_size(type)
        }
    }

    /// The value → name mapping of enum member `member` of compound dataset `path`.
    func enumMapping(_ path: String, _ member: String) throws -> [UInt8: String] {
        try withDataset(path) { dataset in
            let type = H5Dget_type(dataset)
            defer { H5Tclose(type) }
            let memberType = H5Tget_member_type(type, UInt32(H5Tget_member_index(type, member)))
            defer { H5Tclose(memberType) }
            guard H5Tget_class(memberType) == H5T_ENUM else { throw TestFailure("\(path).\(member) is not an enum") }
            var mapping: [UInt8: String] = [:]
            for index in 0..<UInt32(H5Tget_nmembers(memberType)) {
                var value: UInt8 = 0
                H5Tget_member_value(memberType, index, &value)
                let name = H5Tget_member_name(memberType, index)!
                mapping[value] = String(cString: name)
                H5free_memory(name)
            }
            return mapping
        }
    }

    /// Member `member` of every row of compound dataset `path`, converted by HDF5 to `type`.
    func column<T: BitwiseCopyable>(_ path: String, _ member: String, type: hid_t, zero: T) throws -> [T] {
        try withDataset(path) { dataset in
            let memory = H5Tcreate(takt_h5t_compound(), MemoryLayout<T>.stride)
            defer { H5Tclose(memory) }
            H5Tinsert(memory, member, 0, type)
            var values = [T](repeating: zero, count: try rows(path))
            if H5Dread(dataset, memory, takt_h5s_all(), takt_h5s_all(), takt_h5p_default(), &values) < 0 {
                throw TestFailure("cannot read \(path).\(member)")
            }
            return values
        }
    }

    func doubles(_ path: String, _ member: String) throws -> [Double] {
        try column(path, member, type: takt_h5t_native_double(), zero: 0.0)
    }

    func int64s(_ path: String, _ member: String) throws -> [Int64] {
        try column(path, member, type: takt_h5t_native_int64(), zero: Int64(0))
    }

    func int32s(_ path: String, _ member: String) throws -> [Int32] {
        try column(path, member, type: takt_h5t_native_int32(), zero: Int32(0))
    }

    /// A uint8 (or enum) member, read as raw bytes.
    func uint8s(_ path: String, _ member: String) throws -> [UInt8] {
        try column(path, member, type: takt_h5t_native_uint8(), zero: UInt8(0))
    }

    /// A variable-length string member of every row (the library's copies are freed).
    func strings(_ path: String, _ member: String) throws -> [String] {
        let type = Self.stringType()
        defer { H5Tclose(type) }
        let pointers = try column(path, member, type: type, zero: UnsafeMutablePointer<CChar>?.none)
        defer { pointers.forEach { H5free_memory($0) } }
        return pointers.map { $0.map { String(cString: $0) } ?? "" }
    }

    /// Every value of a 2-D float64 dataset, row-major.
    func matrix(_ path: String) throws -> [Double] {
        try withDataset(path) { dataset in
            var values = [Double](repeating: 0, count: try shape(path).reduce(1, *))
            H5Dread(dataset, takt_h5t_native_double(), takt_h5s_all(), takt_h5s_all(), takt_h5p_default(), &values)
            return values
        }
    }

    /// A scalar variable-length string dataset.
    func scalarString(_ path: String) throws -> String {
        try withDataset(path) { dataset in
            let type = Self.stringType()
            defer { H5Tclose(type) }
            var pointer: UnsafeMutablePointer<CChar>?
            H5Dread(dataset, type, takt_h5s_all(), takt_h5s_all(), takt_h5p_default(), &pointer)
            defer { H5free_memory(pointer) }
            return pointer.map { String(cString: $0) } ?? ""
        }
    }

    /// Filter ids of dataset `path` in pipeline order, and its chunk shape.
    func storage(_ path: String) throws -> (filters: [Int32], chunk: [Int]) {
        try withDataset(path) { dataset in
            let plist = H5Dget_create_plist(dataset)
            defer { H5Pclose(plist) }
            let filters = (0..<UInt32(max(0, H5Pget_nfilters(plist)))).map { index -> Int32 in
                var flags: UInt32 = 0, count = 0, config: UInt32 = 0
                return H5Pget_filter2(plist, index, &flags, &count, nil, 0, nil, &config)
            }
            var chunk = [hsize_t](repeating: 0, count: 2)
            let rank = H5Pget_chunk(plist, 2, &chunk)
            return (filters, chunk.prefix(Int(max(0, rank))).map { Int($0) })
        }
    }

    /// A string attribute of the object at `path` ("/" for the root).
    func stringAttribute(_ path: String, _ name: String) throws -> String {
        let type = Self.stringType()
        defer { H5Tclose(type) }
        var pointer: UnsafeMutablePointer<CChar>?
        try readAttribute(path, name, type: type, into: &pointer)
        defer { H5free_memory(pointer) }
        return pointer.map { String(cString: $0) } ?? ""
    }

    /// A 1-D string-array attribute.
    func stringsAttribute(_ path: String, _ name: String) throws -> [String] {
        let attribute = H5Aopen_by_name(file, path, name, takt_h5p_default(), takt_h5p_default())
        if attribute < 0 { throw TestFailure("no attribute \(name) on \(path)") }
        defer { H5Aclose(attribute) }
        let space = H5Aget_space(attribute)
        defer { H5Sclose(space) }
        let type = Self.stringType()
        defer { H5Tclose(type) }
        var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: Int(H5Sget_simple_extent_npoints(space)))
        H5Aread(attribute, type, &pointers)
        defer { pointers.forEach { H5free_memory($0) } }
        return pointers.map { $0.map { String(cString: $0) } ?? "" }
    }

    /// A numeric attribute, converted by HDF5 to `type`.
    func attribute<T: BitwiseCopyable>(_ path: String, _ name: String, type: hid_t, zero: T) throws -> T {
        var value = zero
        try readAttribute(path, name, type: type, into: &value)
        return value
    }

    /// The class of attribute `name` as stored (to check it is numeric, not a string).
    func attributeClass(_ path: String, _ name: String) throws -> H5T_class_t {
        let attribute = H5Aopen_by_name(file, path, name, takt_h5p_default(), takt_h5p_default())
        if attribute < 0 { throw TestFailure("no attribute \(name) on \(path)") }
        defer { H5Aclose(attribute) }
        let type = H5Aget_type(attribute)
        defer { H5Tclose(type) }
        return H5Tget_class(type)
    }

    private func readAttribute<T: BitwiseCopyable>(_ path: String, _ name: String, type: hid_t,
                                                   into value: inout T) throws {
        let attribute = H5Aopen_by_name(file, path, name, takt_h5p_default(), takt_h5p_default())
        if attribute < 0 { throw TestFailure("no attribute \(name) on \(path)") }
        defer { H5Aclose(attribute) }
        if H5Aread(attribute, type, &value) < 0 { throw TestFailure("cannot read attribute \(name) on \(path)") }
    }

    static func stringType() -> hid_t {
        let type = H5Tcopy(takt_h5t_c_s1())
        H5Tset_size(type, takt_h5t_variable())
        H5Tset_cset(type, takt_h5t_cset_utf8())
        return type
    }
}
