import TaktKernel

/// The M/M/c queue (and, with other laws, G/G/c): customers arrive, wait in one FIFO line, and
/// are served by the first of `servers` identical servers to become free.
///
/// It is Takt's reference model: its steady-state mean wait is known exactly (Erlang C, see
/// `ErlangC`), so it validates the kernel, and it is the canonical speed benchmark.
///
/// Random streams (see `RandomStreams`): entity "source", purposes "interarrival" and
/// "service". A customer's service time is drawn on arrival, so it does not depend on which
/// server takes it or when (common random numbers across variants).
public struct MultiServerQueue: DiscreteEventModel {
    /// The model's parameters.
    public struct Configuration: Sendable, Equatable {
        /// Time between arrivals.
        public var interarrival: Distribution
        /// Service time of one customer.
        public var service: Distribution
        /// Number of identical servers (c).
        public var servers: Int
        /// Arrivals stop after this many customers; the run ends when the last has left.
        public var customers: Int
        /// Waits of the first `warmUpCustomers` customers (in arrival order) are not recorded.
        public var warmUpCustomers: Int

        public init(interarrival: Distribution, service: Distribution, servers: Int,
                    customers: Int, warmUpCustomers: Int = 0) {
            self.interarrival = interarrival
            self.service = service
            self.servers = servers
            self.customers = customers
            self.warmUpCustomers = warmUpCustomers
        }

        /// The M/M/c queue with arrival rate λ and service rate μ per server.
        public static func markovian(arrivalRate: Double, serviceRate: Double, servers: Int,
                                     customers: Int, warmUpCustomers: Int = 0) -> Configuration {
            Configuration(interarrival: .exponential(mean: 1 / arrivalRate),
                          service: .exponential(mean: 1 / serviceRate),
                          servers: servers, customers: customers, warmUpCustomers: warmUpCustomers)
        }
    }

    /// The model's events.
    public enum Event: Equatable, Sendable {
        case arrival
        case departure
    }

    struct Waiting {
        var arrivalTime: SimTime
        var serviceTime: SimTime
        var index: Int
    }

    /// The parameters.
    public let configuration: Configuration
    var interarrivalStream: Xoshiro256StarStar
    var serviceStream: Xoshiro256StarStar
    var line = RingBuffer<Waiting>(capacity: 1024)
    var busyServers = 0
    var arrived = 0

    /// Customers who have left, in all.
    public private(set) var departed = 0
    /// Customers who have left since statistics were last reset (for throughput after warm-up).
    public private(set) var departedSinceReset = 0
    /// Waits in queue, in arrival order, for batch-means intervals (after customer warm-up).
    public private(set) var waitsInQueue = BatchMeans()
    /// Times in system (wait + service), after customer warm-up.
    public private(set) var timesInSystem = Tally()
    /// Number waiting in line, time-weighted.
    public private(set) var queueLength = TimeWeightedLevel()
    /// Number of busy servers, time-weighted (divide by `servers` for utilisation).
    public private(set) var busy = TimeWeightedLevel()

    /// Creates the model with streams from `streams`.
    public init(_ configuration: Configuration, streams: RandomStreams) {
        precondition(configuration.servers >= 1 && configuration.customers >= 0)
        self.configuration = configuration
        interarrivalStream = streams.stream(entity: "source", purpose: "interarrival")
        serviceStream = streams.stream(entity: "source", purpose: "service")
    }

    public mutating func start(calendar: inout EventCalendar<Event>) {
        queueLength = TimeWeightedLevel(at: calendar.now)
        busy = TimeWeightedLevel(at: calendar.now)
        if configuration.customers > 0 {
            calendar.schedule(.arrival, after: configuration.interarrival.sampleDuration(&interarrivalStream))
        }
    }

    public mutating func handle(_ event: Event, calendar: inout EventCalendar<Event>) {
        let now = calendar.now
        switch event {
        case .arrival:
            let customer = Waiting(arrivalTime: now,
                                   serviceTime: configuration.service.sampleDuration(&serviceStream),
                                   index: arrived)
            arrived += 1
            if arrived < configuration.customers {
                calendar.schedule(.arrival, after: configuration.interarrival.sampleDuration(&interarrivalStream))
            }
            if busyServers < configuration.servers {
                startService(customer, calendar: &calendar)
            } else {
                line.append(customer)
                queueLength.update(to: Double(line.count), at: now)
            }
        case .departure:
            departed += 1
            departedSinceReset += 1
            busyServers -= 1
            busy.update(to: Double(busyServers), at: now)
            if let next = line.popFirst() {
                queueLength.update(to: Double(line.count), at: now)
                startService(next, calendar: &calendar)
            }
        }
    }

    mutating func startService(_ customer: Waiting, calendar: inout EventCalendar<Event>) {
        let now = calendar.now
        busyServers += 1
        busy.update(to: Double(busyServers), at: now)
        if customer.index >= configuration.warmUpCustomers {
            waitsInQueue.record(now - customer.arrivalTime)
            timesInSystem.record(now - customer.arrivalTime + customer.serviceTime)
        }
        calendar.schedule(.departure, after: customer.serviceTime)
    }

    public mutating func resetStatistics(at time: SimTime) {
        waitsInQueue.reset()
        timesInSystem.reset()
        departedSinceReset = 0
        queueLength.reset(at: time)
        busy.reset(at: time)
    }
}
