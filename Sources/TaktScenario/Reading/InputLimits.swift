/// The largest and smallest values a scenario may hold, so that every accepted input runs to an
/// end with exact arithmetic: times the clock resolves, counts that fit the model's integers,
/// runs that end in bounded time and memory. Documented in docs/limits.md; each limit is checked
/// where the value is read and reported at its file:line:column.
public enum InputLimits {
    /// The longest time any value may be (a run's duration, a warm-up, a law's mean or scale):
    /// 10¹¹ s, about 3,170 years. At that clock value a double still resolves 16 µs.
    public static let longestTime: Double = 1e11
    /// The shortest mean time between recurring events of one process (arrivals, sensor
    /// readings, reviews): 1 µs, i.e. rates up to 3.6·10⁹ per hour.
    public static let shortestInterval: Double = 1e-6
    /// The most units in one order or one job (an order's quantity times its bill of
    /// materials must also stay within this): 10⁹, so unit counts fit 32-bit job fields.
    public static let largestQuantity = 1_000_000_000
    /// The largest stock level or replenishment quantity of a material.
    public static let largestStock = 1_000_000_000
    /// The largest magnitude of an order priority.
    public static let largestPriority = 1_000_000_000
    /// The most replications of one run (`run.replications`, `--replications`).
    public static let mostReplications = 100_000
    /// The default for the most events one replication may run (`run.max_events`,
    /// `--max-events`): 10¹⁰, about 40 minutes of a large factory model on one core.
    public static let defaultEventsPerRun = 10_000_000_000
    /// The most defect classes (`defect_classes:`): an inspection's confusion matrix holds
    /// (classes + 1)² numbers, 8 MB at this limit.
    public static let mostDefectClasses = 1_000
    /// The most names a message lists when it says which names are defined.
    public static let namesListed = 5

    /// "10¹¹ s (about 3,170 years)", for messages.
    public static let longestTimeText = "1e11 s (about 3,170 years)"
}
