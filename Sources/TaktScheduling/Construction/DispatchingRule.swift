/// A priority rule for building a schedule one operation at a time (`NonDelaySchedule`).
///
/// Definitions as in the literature (Panwalkar and Iskander 1977; Haupt 1989). "Work" of a job
/// counts the operation being chosen at its time on the candidate machine and each later one at
/// its shortest time. Ties go to the lowest job index, then the lowest machine index.
public enum DispatchingRule: String, Sendable, CaseIterable {
    /// Shortest processing time of the operation.
    case spt = "SPT"
    /// Longest processing time of the operation.
    case lpt = "LPT"
    /// Most work remaining in the job, this operation included.
    case mwkr = "MWKR"
    /// Most operations remaining in the job, this one included.
    case mopnr = "MOPNR"
    /// Least operations remaining.
    case lor = "LOR"
    /// Shortest remaining processing time of the job.
    case srpt = "SRPT"
    /// First in, first out: the job that has waited longest for a machine.
    case fifo = "FIFO"

    /// The priority key of a candidate: smaller goes first.
    func key(duration: Int, workAfter: Int, operationsLeft: Int, readySince: Int) -> Int {
        switch self {
        case .spt: return duration
        case .lpt: return -duration
        case .mwkr: return -(duration + workAfter)
        case .mopnr: return -operationsLeft
        case .lor: return operationsLeft
        case .srpt: return duration + workAfter
        case .fifo: return readySince
        }
    }
}
