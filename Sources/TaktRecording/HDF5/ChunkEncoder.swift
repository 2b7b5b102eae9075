import CHDF5

/// Turns a chunk of rows in memory layout into the bytes HDF5 stores for it: rows packed to the
/// file type, padded to a whole chunk, then shuffled and deflated exactly as the dataset's
/// filter pipeline (shuffle + deflate) would, so that `H5Dwrite_chunk` can write it directly and
/// every reader (h5py, h5dump) decodes it with the standard filters. Thread-safe: it holds only
/// constants; each thread brings its own `Scratch`.
struct ChunkEncoder: Sendable {
    /// Reusable buffers of one encoding thread.
    final class Scratch {
        fileprivate var packed = UnsafeMutableRawBufferPointer(start: nil, count: 0)
        fileprivate var output = UnsafeMutableRawBufferPointer(start: nil, count: 0)

        init() {}

        fileprivate func reserve(packed packedSize: Int, output outputSize: Int) {
            if packed.count < packedSize {
                packed.deallocate()
                packed = .allocate(byteCount: packedSize, alignment: 16)
            }
            if output.count < outputSize {
                output.deallocate()
                output = .allocate(byteCount: outputSize, alignment: 16)
            }
        }

        deinit {
            packed.deallocate()
            output.deallocate()
        }
    }

    /// Where each member's bytes are in a memory element and in a file element. An element is a
    /// row of a compound table, one value of a rank-2 table (the shuffle filter's unit: the
    /// dataset type).
    let members: [takt_member]
    /// Bytes from one element to the next in memory, and bytes of an element in the file.
    let memoryStride: Int
    let elementSize: Int
    /// Elements per row (the columns of a rank-2 table; 1 for compound rows) and rows per chunk.
    let elementsPerRow: Int
    let chunkRows: Int
    /// Shuffle and deflate (the dataset's filters), or neither.
    let compress: Bool
    /// The deflate level of the dataset's filter.
    static let level: Int32 = 1

    /// For compound rows, the members of `memoryType` and of its packed `fileType` (the same
    /// members in the same order); for a plain type, `elementsPerRow` values per row.
    init(memoryType: hid_t, fileType: hid_t, memoryRowSize: Int, elementsPerRow: Int, chunkRows: Int,
         compress: Bool) throws {
        self.chunkRows = chunkRows
        self.compress = compress
        if H5Tget_class(memoryType) == takt_h5t_compound() {
            let count = H5Tget_nmembers(memoryType)
            guard count > 0 else { throw HDF5Error(operation: "count row members", message: "no members") }
            var members: [takt_member] = []
            for index in 0..<UInt32(count) {
                let memberType = try check(H5Tget_member_type(fileType, index), "get member type")
                defer { H5Tclose(memberType) }
                members.append(takt_member(source: UInt32(H5Tget_member_offset(memoryType, index)),
                                           target: UInt32(H5Tget_member_offset(fileType, index)),
                                           size: UInt32(H5Tget_size(memberType))))
            }
            self.members = members
            memoryStride = memoryRowSize
            elementSize = H5Tget_size(fileType)
            self.elementsPerRow = 1
        } else {
            elementSize = H5Tget_size(fileType)
            members = [takt_member(source: 0, target: 0, size: UInt32(elementSize))]
            memoryStride = elementSize
            self.elementsPerRow = elementsPerRow
        }
    }

    /// The stored bytes of a chunk holding the first `rows` rows of `bytes` (memory layout).
    /// The result points into `scratch` and is valid until its next use.
    func encode(_ bytes: [UInt8], rows: Int, into scratch: Scratch) throws -> UnsafeRawBufferPointer {
        let capacity = chunkRows * elementsPerRow
        let size = capacity * elementSize
        let bound = compress ? takt_deflate_bound(size) : 0
        scratch.reserve(packed: size, output: bound)
        let packed = scratch.packed.baseAddress!.assumingMemoryBound(to: UInt8.self)
        bytes.withUnsafeBufferPointer { source in
            members.withUnsafeBufferPointer { members in
                takt_pack_rows(packed, source.baseAddress, rows * elementsPerRow, capacity, memoryStride, elementSize,
                               members.baseAddress, members.count, compress ? 1 : 0)
            }
        }
        guard compress else { return UnsafeRawBufferPointer(start: scratch.packed.baseAddress, count: size) }
        let output = scratch.output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let length = takt_deflate(output, bound, packed, size, ChunkEncoder.level)
        guard length > 0 else { throw HDF5Error(operation: "compress a chunk", message: "zlib failed") }
        return UnsafeRawBufferPointer(start: scratch.output.baseAddress, count: length)
    }
}
