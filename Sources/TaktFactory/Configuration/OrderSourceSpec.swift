import TaktKernel

/// Where orders come from.
public struct OrderSourceSpec: Sendable {
    /// Name (random streams are named after it).
    public var name: String
    /// When orders arrive.
    public var arrivals: ArrivalProcess
    /// What is ordered, for generated orders: product indices with weights.
    public var mix: [(product: Int, weight: Double)]
    /// Units per generated order (rounded, at least 1).
    public var quantity: Distribution
    /// How the due date is set, for generated orders.
    public var due: DueDateRule
    /// Priority of generated orders (lower is more urgent; used by rules and release).
    public var priority: Int
    /// What happens to an order whose first station's buffer is full on release.
    public var whenFull: WhenFull

    public init(name: String, arrivals: ArrivalProcess, mix: [(product: Int, weight: Double)],
                quantity: Distribution = .constant(1), due: DueDateRule = .none, priority: Int = 0,
                whenFull: WhenFull = .wait) {
        self.name = name
        self.arrivals = arrivals
        self.mix = mix
        self.quantity = quantity
        self.due = due
        self.priority = priority
        self.whenFull = whenFull
    }
}

/// When orders arrive.
public enum ArrivalProcess: Sendable {
    /// Renewal process with the given interarrival law (exponential = Poisson), optionally
    /// limited to `count` orders and to arrivals before `until` (seconds).
    case renewal(interarrival: Distribution, count: Int?, until: Double?)
    /// A fixed list of orders (a schedule table or a CSV file, read by the scenario loader).
    case schedule([ScheduledOrder])
}

/// One order of a schedule.
public struct ScheduledOrder: Sendable, Equatable {
    public var time: Double
    public var product: Int
    public var quantity: Int
    /// Absolute due date in seconds (nil: none).
    public var due: Double?
    public var priority: Int

    public init(time: Double, product: Int, quantity: Int = 1, due: Double? = nil, priority: Int = 0) {
        self.time = time
        self.product = product
        self.quantity = quantity
        self.due = due
        self.priority = priority
    }
}

/// How due dates are set for generated orders.
public enum DueDateRule: Sendable, Equatable {
    /// No due date (tardiness KPIs are not reported).
    case none
    /// Arrival time plus a quoted lead time (a distribution, e.g. constant 2 days).
    case leadTime(Distribution)
    /// Total work content rule: arrival + factor × sum of mean processing times of the routing.
    case totalWork(factor: Double)
}

/// What an order does when the first buffer is full.
public enum WhenFull: String, Sendable {
    /// Waits outside the shop until there is room (counted as backlog).
    case wait
    /// Is turned away and counted as lost (the M/M/1/K convention).
    case reject
}
