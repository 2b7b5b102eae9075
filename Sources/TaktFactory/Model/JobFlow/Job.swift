import TaktKernel

/// A job: one order line (or a sub-assembly of one) travelling through its routing as a lot.
///
/// Jobs live in a flat array whose slots are recycled; `serial` (creation order) identifies a job
/// for tie-breaks and records. Scrap and rework apply to the lot as a whole.
struct Job {
    var serial: Int64
    var product: Int32
    /// Index of the current operation in the product's routing.
    var operation: Int32
    var quantity: Int32
    /// Parent job slot for a sub-assembly, else -1.
    var parent: Int32
    /// Sub-assembly jobs not yet finished.
    var pendingChildren: Int32
    /// Station whose queue (or entry backlog) holds the job, else -1.
    var station: Int32
    var priority: Int32
    /// Order arrival (start of lead time), release into the shop (start of flow time).
    var arrivalTime: Double
    var releaseTime: Double
    /// Absolute due date, or +∞.
    var dueDate: Double
    /// When the job entered its current queue (FIFO key).
    var queueEntryTime: Double
    /// True once a material shortage has been counted for the current operation.
    var shortageCounted: Bool
    /// Is the job a top-level order (counts for CONWIP and order KPIs)?
    var isOrder: Bool
    /// Start of its first operation (NaN until then) and rework loops so far (for job records).
    var firstStart: Double
    var reworks: Int32
    /// Hidden defect class (0: good): the simulator's secret, never part of an observation.
    var defect: Int8 = 0
    /// The job's own random stream: processing times and routing outcomes (common random numbers
    /// across variants: the same job draws the same times whichever machine it meets).
    var rng: Xoshiro256StarStar
}
