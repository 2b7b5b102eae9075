/// How long `ScheduleOptimiser` searches, and with what.
public struct OptimiserOptions: Sendable, Equatable {
    /// What stops the search (besides reaching the lower bound, or a stop request).
    public enum Budget: Sendable, Equatable {
        /// A number of tabu iterations over all walkers: the result depends only on the seed,
        /// the walker count and this number, never on the clock or the thread count.
        case iterations(Int)
        /// Wall-clock seconds; each thread runs one walker until then.
        case seconds(Double)
    }

    public var budget: Budget
    /// Master seed; walker k draws from the stream ("walker-k", "tabu-search") of it.
    public var seed: UInt64
    /// Threads the walkers are spread over.
    public var threads: Int
    /// Independent walkers of an iteration budget (each gets an equal share of it). A time
    /// budget runs one walker per thread instead.
    public var walkers: Int

    /// The default walker count of an iteration budget.
    public static let defaultWalkers = 4

    public init(budget: Budget, seed: UInt64 = 1, threads: Int = 1, walkers: Int = defaultWalkers) {
        precondition(threads >= 1 && walkers >= 1, "threads and walkers must be at least 1")
        self.budget = budget
        self.seed = seed
        self.threads = threads
        self.walkers = walkers
    }
}
