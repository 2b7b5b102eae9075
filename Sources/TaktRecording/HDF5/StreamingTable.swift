import CHDF5

/// An extendible, chunked dataset, compressed by default (shuffle + deflate 1), that rows are appended to.
/// Rows are buffered to whole chunks before they are written, so memory stays at one chunk per
/// table and HDF5 never recompresses a partial chunk.
final class StreamingTable {
    let dataset: hid_t
    let memoryType: hid_t
    let rowSize: Int
    let columns: Int
    let chunkRows: Int
    private var buffer: [UInt8] = []
    private var bufferedRows = 0
    private(set) var writtenRows: UInt64 = 0

    /// Creates `name` under `parent`: rank 1 with compound rows (`columns` = 0), or rank 2 with
    /// `columns` doubles per row.
    init(parent: hid_t, name: String, memoryType: hid_t, fileType: hid_t, rowSize: Int, columns: Int = 0,
         chunkRows: Int, compress: Bool = true, description: String, units: String) throws {
        self.memoryType = try check(H5Tcopy(memoryType), "copy row type")
        self.rowSize = rowSize
        self.columns = columns
        self.chunkRows = chunkRows
        let rank: Int32 = columns > 0 ? 2 : 1
        var dims: [hsize_t] = columns > 0 ? [0, hsize_t(columns)] : [0]
        var maxDims: [hsize_t] = columns > 0 ? [takt_h5s_unlimited(), hsize_t(columns)] : [takt_h5s_unlimited()]
        var chunk: [hsize_t] = columns > 0 ? [hsize_t(chunkRows), hsize_t(max(columns, 1))] : [hsize_t(chunkRows)]
        let space = try check(H5Screate_simple(rank, &dims, &maxDims), "create space for \(name)")
        defer { H5Sclose(space) }
        let properties = try check(H5Pcreate(takt_h5p_dataset_create()), "create dataset properties")
        defer { H5Pclose(properties) }
        try check(H5Pset_chunk(properties, rank, &chunk), "set chunking of \(name)")
        if compress {
            try check(H5Pset_shuffle(properties), "set shuffle on \(name)")
            try check(H5Pset_deflate(properties, 1), "set deflate on \(name)")
        }
        dataset = try check(H5Dcreate2(parent, name, fileType, space, takt_h5p_default(), properties,
                                       takt_h5p_default()),
                            "create dataset \(name)")
        buffer.reserveCapacity(rowSize * chunkRows)
        try HDF5Objects.attribute(dataset, "description", description)
        try HDF5Objects.attribute(dataset, "units", units)
    }

    /// Buffers rows given as raw bytes (`count` rows of `rowSize`), writing whole chunks.
    func append(bytes: UnsafeRawBufferPointer, count: Int) throws {
        guard count > 0 else { return }
        buffer.append(contentsOf: bytes.prefix(count * rowSize))
        bufferedRows += count
        if bufferedRows >= chunkRows {
            let whole = bufferedRows / chunkRows * chunkRows
            try write(rows: whole)
        }
    }

    /// Writes every buffered row (at the end, or before a flush).
    func flush() throws {
        if bufferedRows > 0 { try write(rows: bufferedRows) }
    }

    private func write(rows: Int) throws {
        let start = writtenRows
        var newSize: [hsize_t] = columns > 0 ? [start + hsize_t(rows), hsize_t(columns)] : [start + hsize_t(rows)]
        try check(H5Dset_extent(dataset, &newSize), "extend dataset")
        let fileSpace = try check(H5Dget_space(dataset), "get dataset space")
        defer { H5Sclose(fileSpace) }
        var offset: [hsize_t] = columns > 0 ? [start, 0] : [start]
        var count: [hsize_t] = columns > 0 ? [hsize_t(rows), hsize_t(columns)] : [hsize_t(rows)]
        try check(H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, &offset, nil, &count, nil), "select rows")
        let memorySpace = try check(H5Screate_simple(columns > 0 ? 2 : 1, &count, nil), "create memory space")
        defer { H5Sclose(memorySpace) }
        try buffer.withUnsafeBytes { raw in
            try check(H5Dwrite(dataset, memoryType, memorySpace, fileSpace, takt_h5p_default(), raw.baseAddress),
                      "write rows")
        }
        writtenRows += hsize_t(rows)
        buffer.removeFirst(rows * rowSize)
        bufferedRows -= rows
    }

    /// Writes what is buffered and closes the dataset; the dataset is closed even when the last
    /// write fails, so the file can still be closed.
    func close() throws {
        defer { H5Tclose(memoryType) }
        do {
            try flush()
        } catch {
            H5Dclose(dataset)
            throw error
        }
        try check(H5Dclose(dataset), "close dataset")
    }
}
