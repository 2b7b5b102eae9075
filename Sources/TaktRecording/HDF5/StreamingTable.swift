import CHDF5

/// An extendible, chunked dataset, compressed by default (shuffle + deflate 1), that rows are appended to.
/// Rows are collected into whole chunks; each full chunk goes to the file's `ChunkPipeline`, which
/// encodes it (packing, shuffle, deflate) on a background thread and stores it with
/// `H5Dwrite_chunk`. Memory stays at one chunk per table plus the pipeline's bounded queue, and
/// HDF5 never reads back or recompresses a chunk. A flush sends the partial last chunk too (padded
/// to a whole chunk, the extent marking where the rows end) and keeps it: when it fills up, the
/// whole chunk replaces the partial one.
final class StreamingTable {
    let dataset: hid_t
    let rowSize: Int
    let columns: Int
    let chunkRows: Int
    let encoder: ChunkEncoder
    private let pipeline: ChunkPipeline
    private var buffer: [UInt8] = []
    private var bufferedRows = 0
    /// Rows of the current (last) chunk already sent by a flush.
    private var sentRows = 0
    /// Chunks filled and sent.
    private var fullChunks = 0
    /// Rows the dataset's extent covers; used by the pipeline's writing thread only.
    private var extentRows: hsize_t = 0

    /// Rows appended so far.
    var rowCount: Int { fullChunks * chunkRows + bufferedRows }

    /// Creates `name` under `parent`: rank 1 with compound rows (`columns` = 0), or rank 2 with
    /// `columns` doubles per row.
    init(parent: hid_t, name: String, memoryType: hid_t, fileType: hid_t, rowSize: Int, columns: Int = 0,
         chunkRows: Int, compress: Bool = true, pipeline: ChunkPipeline, description: String, units: String) throws {
        self.rowSize = rowSize
        self.columns = columns
        self.chunkRows = chunkRows
        self.pipeline = pipeline
        encoder = try ChunkEncoder(memoryType: memoryType, fileType: fileType, memoryRowSize: rowSize,
                                   elementsPerRow: max(columns, 1), chunkRows: chunkRows, compress: compress)
        guard encoder.elementSize * encoder.elementsPerRow <= rowSize else {
            throw HDF5Error(operation: "create dataset \(name)", message: "file rows wider than memory rows")
        }
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

    /// Buffers rows given as raw bytes (`count` rows of `rowSize`), sending each chunk that fills up.
    func append(bytes: UnsafeRawBufferPointer, count: Int) throws {
        var taken = 0
        while taken < count {
            let rows = min(count - taken, chunkRows - bufferedRows)
            let range = (taken * rowSize)..<(taken + rows) * rowSize
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[range]))
            bufferedRows += rows
            taken += rows
            if bufferedRows == chunkRows {
                var full: [UInt8] = []
                full.reserveCapacity(rowSize * chunkRows)
                swap(&full, &buffer)
                try pipeline.submit(.chunk(table: self, index: fullChunks, rows: chunkRows, bytes: full))
                fullChunks += 1
                bufferedRows = 0
                sentRows = 0
            }
        }
    }

    /// Sends the partial last chunk (at the end, or before a flush of the file), if it has rows
    /// not sent yet.
    func flush() throws {
        guard bufferedRows > sentRows else { return }
        try pipeline.submit(.chunk(table: self, index: fullChunks, rows: bufferedRows, bytes: buffer))
        sentRows = bufferedRows
    }

    /// Stores an encoded chunk: extends the dataset to cover its rows, then writes it directly.
    /// Called by the pipeline's writing thread, in submission order.
    func writeEncodedChunk(_ bytes: UnsafeRawBufferPointer, index: Int, rows: Int) throws {
        let start = hsize_t(index * chunkRows)
        let end = start + hsize_t(rows)
        if end > extentRows {
            var newSize: [hsize_t] = columns > 0 ? [end, hsize_t(columns)] : [end]
            try check(H5Dset_extent(dataset, &newSize), "extend dataset")
            extentRows = end
        }
        var offset: [hsize_t] = columns > 0 ? [start, 0] : [start]
        try check(H5Dwrite_chunk(dataset, takt_h5p_default(), 0, &offset, bytes.count, bytes.baseAddress),
                  "write rows")
    }

    /// Writes what is buffered, waits for the pipeline, and closes the dataset; the dataset is
    /// closed even when the last write fails, so the file can still be closed.
    func close() throws {
        do {
            try flush()
            try pipeline.drain()
        } catch {
            H5Dclose(dataset)
            throw error
        }
        try check(H5Dclose(dataset), "close dataset")
    }
}
