/// How a free machine chooses among the jobs waiting at its station.
///
/// Ties are broken by the lowest job index (the order in which jobs were created), so results
/// are reproducible. Processing times in the rules are the *expected* times (the mean of each
/// operation's distribution): a real dispatcher knows the standard time, not the draw.
public enum DispatchRule: Sendable, Equatable {
    /// First in, first out: earliest arrival at this queue.
    case fifo
    /// Shortest (expected) processing time of the waiting operation.
    case spt
    /// Longest processing time.
    case lpt
    /// Earliest due date.
    case edd
    /// Smallest critical ratio: (due − now) / remaining work.
    case criticalRatio
    /// Most work remaining in the job (this operation included).
    case mwkr
    /// Most operations remaining (this one included).
    case mopnr
    /// Least operations remaining (this one included).
    case lor
    /// Shortest remaining processing time of the job (this operation included).
    case srpt
    /// Apparent tardiness cost (Vepsalainen & Morton) with look-ahead parameter k:
    /// (1/p) · exp(−max(0, d − p − t) / (k · p̄)), with p̄ the mean expected time of the waiting jobs.
    case atc(k: Double)
    /// Highest priority first (smallest number), then FIFO.
    case priority

    /// The rule's name as written in scenario files.
    public var name: String {
        switch self {
        case .fifo: return "fifo"
        case .spt: return "spt"
        case .lpt: return "lpt"
        case .edd: return "edd"
        case .criticalRatio: return "cr"
        case .mwkr: return "mwkr"
        case .mopnr: return "mopnr"
        case .lor: return "lor"
        case .srpt: return "srpt"
        case .atc: return "atc"
        case .priority: return "priority"
        }
    }

    /// True when a waiting job's priority does not change while it waits (it depends on the job
    /// and its queue entry only, not on the clock or the other waiting jobs): every rule but the
    /// critical ratio and ATC.
    public var isStatic: Bool {
        switch self {
        case .criticalRatio, .atc: return false
        case .fifo, .spt, .lpt, .edd, .mwkr, .mopnr, .lor, .srpt, .priority: return true
        }
    }

    /// All rule names accepted in scenario files.
    public static let names = ["fifo", "spt", "lpt", "edd", "cr", "mwkr", "mopnr", "lor", "srpt", "atc", "priority"]
}
