/// Something a shop-floor system logs that a scheduling controller may follow. Every payload is
/// observable.
public enum ShopEvent: Sendable, Equatable {
    /// A job joined a station's queue.
    case queued(job: Int64, station: Int, time: Double)
    /// A machine finished an operation of a job (or a batch: one event per job).
    case finished(job: Int64, machine: Int, time: Double)
    /// A machine failed.
    case failed(machine: Int, time: Double)
    /// A machine is back from repair.
    case repaired(machine: Int, time: Double)
}
