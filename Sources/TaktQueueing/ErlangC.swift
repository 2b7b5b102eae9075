/// Exact steady-state results for the M/M/c queue (Erlang's C formula).
public struct ErlangC: Sendable, Equatable {
    /// Arrival rate λ.
    public let arrivalRate: Double
    /// Service rate μ per server.
    public let serviceRate: Double
    /// Servers c.
    public let servers: Int

    /// - Precondition: the queue is stable (λ < cμ).
    public init(arrivalRate: Double, serviceRate: Double, servers: Int) {
        precondition(servers >= 1 && arrivalRate > 0 && serviceRate > 0)
        precondition(arrivalRate < Double(servers) * serviceRate, "unstable queue: λ ≥ cμ")
        self.arrivalRate = arrivalRate
        self.serviceRate = serviceRate
        self.servers = servers
    }

    /// Server utilisation ρ = λ / (cμ).
    public var utilisation: Double { arrivalRate / (Double(servers) * serviceRate) }

    /// The probability that an arriving customer has to wait, C(c, a).
    public var probabilityOfWaiting: Double {
        let a = arrivalRate / serviceRate
        let c = servers
        var term = 1.0
        var sum = 1.0
        for k in 1..<c + 1 {
            term *= a / Double(k)
            if k < c { sum += term }
        }
        let last = term / (1 - utilisation)
        return last / (sum + last)
    }

    /// Mean wait in queue Wq = C / (cμ − λ).
    public var meanWaitInQueue: Double {
        probabilityOfWaiting / (Double(servers) * serviceRate - arrivalRate)
    }

    /// Mean time in system W = Wq + 1/μ.
    public var meanTimeInSystem: Double { meanWaitInQueue + 1 / serviceRate }

    /// Mean number waiting Lq = λ Wq.
    public var meanQueueLength: Double { arrivalRate * meanWaitInQueue }
}
