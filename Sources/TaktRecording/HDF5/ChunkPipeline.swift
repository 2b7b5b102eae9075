import CHDF5
import Foundation

/// Compresses and writes the chunks of a file's streamed tables on background threads, so the
/// simulation thread only copies rows into a chunk buffer.
///
/// Jobs (a chunk to write, or a file flush) are numbered as they are submitted. Up to `workers`
/// threads encode chunks at once (pack, shuffle, deflate: no HDF5 call, no lock), and the HDF5
/// calls are made strictly in submission order, one at a time, so the file sees the same
/// sequence of writes and flushes as a writer without threads: a chunk rewritten after a flush
/// (a partial chunk that later fills up) always lands after its older version, and a flush
/// covers every chunk submitted before it. Submission blocks while more than `byteLimit` bytes
/// of rows are waiting, so memory stays flat however far the simulation runs ahead.
///
/// The first failure (a full disk) is kept: later jobs are dropped, and it is thrown by the next
/// `submit` or by `drain`.
final class ChunkPipeline: @unchecked Sendable {
    /// A unit of work, run by `ChunkPipeline` in submission order.
    enum Job {
        /// Writes one chunk of `table`: `rows` rows in memory layout, at chunk `index`.
        case chunk(table: StreamingTable, index: Int, rows: Int, bytes: [UInt8])
        /// `H5Fflush` of the file, after every chunk submitted before it.
        case flush(file: hid_t)
    }

    private let condition = NSCondition()
    private var queue: [(sequence: Int, job: Job)] = []
    private var queueHead = 0
    private var submitted = 0
    private var written = 0
    private var waitingBytes = 0
    private var failure: (any Error)?
    private var stopping = false
    private var threads: [Thread] = []
    private let byteLimit: Int

    /// Starts `workers` threads (at least one).
    init(workers: Int = ChunkPipeline.defaultWorkers, byteLimit: Int = 48 << 20) {
        self.byteLimit = byteLimit
        for index in 0..<max(1, workers) {
            let thread = Thread { self.work() }  // the thread keeps the pipeline alive until `stop`
            thread.name = "takt-hdf5-writer-\(index)"
            threads.append(thread)
            thread.start()
        }
    }

    /// One thread per core, up to 4: on a 2-core machine the simulation and two encoders share
    /// the cores, so the simulation runs at full speed while encoding keeps up, and when
    /// encoding falls behind both cores encode.
    static var defaultWorkers: Int { min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    /// Queues `job`, waiting while too many bytes are queued. Throws an earlier job's failure.
    func submit(_ job: Job) throws {
        let size: Int
        if case .chunk(_, _, _, let bytes) = job { size = bytes.count } else { size = 0 }
        condition.lock()
        defer { condition.unlock() }
        while failure == nil && waitingBytes > 0 && waitingBytes + size > byteLimit { condition.wait() }
        if let failure { throw failure }
        queue.append((submitted, job))
        submitted += 1
        waitingBytes += size
        condition.broadcast()
    }

    /// Waits until every submitted job has been written; throws the first failure.
    func drain() throws {
        condition.lock()
        defer { condition.unlock() }
        while written < submitted { condition.wait() }
        if let failure { throw failure }
    }

    /// Drains and stops the threads. The pipeline takes no more jobs afterwards.
    func stop() {
        condition.lock()
        while written < submitted { condition.wait() }
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        silenceHDF5Errors()  // per thread
        let scratch = ChunkEncoder.Scratch()
        while true {
            condition.lock()
            while queueHead == queue.count && !stopping { condition.wait() }
            if queueHead == queue.count {
                condition.unlock()
                return
            }
            let (sequence, job) = queue[queueHead]
            queue[queueHead] = (sequence, .flush(file: -1))  // drop the row bytes once taken
            queueHead += 1
            if queueHead > 1024 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            let skip = failure != nil
            condition.unlock()

            var outcome: Result<Void, any Error> = .success(())
            var encoded: UnsafeRawBufferPointer?
            if !skip, case .chunk(let table, _, let rows, let bytes) = job {
                do { encoded = try table.encoder.encode(bytes, rows: rows, into: scratch) } catch {
                    outcome = .failure(error)
                }
            }

            condition.lock()
            while written != sequence { condition.wait() }
            let failed = failure != nil
            condition.unlock()
            if !failed, case .success = outcome {
                do {
                    switch job {
                    case .chunk(let table, let index, let rows, _):
                        if let encoded { try table.writeEncodedChunk(encoded, index: index, rows: rows) }
                    case .flush(let file):
                        try check(H5Fflush(file, H5F_SCOPE_GLOBAL), "flush file")
                    }
                } catch {
                    outcome = .failure(error)
                }
            }
            condition.lock()
            if case .failure(let error) = outcome, failure == nil { failure = error }
            if case .chunk(_, _, _, let bytes) = job { waitingBytes -= bytes.count }
            written += 1
            condition.broadcast()
            condition.unlock()
        }
    }
}
