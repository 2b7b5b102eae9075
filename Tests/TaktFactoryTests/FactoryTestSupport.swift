import TaktFactory
import TaktKernel

/// Builders for small factories used by the verification tests (times in seconds; rates per second).
enum Factories {
    /// A serial line: Poisson arrivals at `arrivalRate`, station i with `servers[i]` exponential
    /// servers of rate `rates[i]` and an optional buffer capacity.
    static func line(arrivalRate: Double, rates: [Double], servers: [Int], buffers: [Int?]? = nil,
                     whenFull: WhenFull = .wait, count: Int? = nil, rework: Rework? = nil,
                     reworkAt: Int? = nil) -> FactoryConfiguration {
        let stations = rates.indices.map { index in
            StationSpec(name: "st\(index + 1)", machines: servers[index], bufferCapacity: buffers?[index] ?? nil)
        }
        let routing = rates.indices.map { index in
            OperationSpec(name: "op\(index + 1)", stations: [index], processTime: .exponential(mean: 1 / rates[index]),
                          rework: index == reworkAt ? rework : nil)
        }
        return FactoryConfiguration(
            stations: stations, products: [ProductSpec(name: "part", routing: routing)],
            orderSources: [OrderSourceSpec(name: "demand",
                                           arrivals: .renewal(interarrival: .exponential(mean: 1 / arrivalRate),
                                                                              count: count, until: nil),
                                           mix: [(product: 0, weight: 1)], whenFull: whenFull)])
    }

    /// Runs `replications` independent replications and returns each one's report.
    static func replicate(_ configuration: FactoryConfiguration, replications: Int, seed: UInt64 = 2026,
                          limits: RunLimits) -> [FactoryReport] {
        let base = RandomStreams(seed: seed)
        return (0..<replications).map { replication in
            var simulation = Simulation(model: FactoryModel(configuration, streams: base.replication(replication)),
                                        limits: limits)
            _ = simulation.run()
            simulation.finish()
            return simulation.model.report()
        }
    }

    /// A four-station line with a finite buffer, breakdowns, rework and scrap.
    static func flowLine() -> FactoryConfiguration {
        var stations = (1...4).map { StationSpec(name: "s\($0)", bufferCapacity: $0 == 3 ? 3 : nil) }
        stations[1].breakdowns = BreakdownSpec(timeToFailure: .exponential(mean: 500),
                                               repairTime: .exponential(mean: 20))
        let routing = (0..<4).map { index in
            OperationSpec(name: "o\(index)", stations: [index], processTime: .exponential(mean: index == 1 ? 7 : 6),
                          scrapProbability: index == 3 ? 0.01 : 0,
                          rework: index == 2 ? Rework(probability: 0.05, toOperation: 2) : nil)
        }
        return FactoryConfiguration(
            stations: stations, products: [ProductSpec(name: "p", routing: routing)],
            orderSources: [OrderSourceSpec(name: "demand",
                                           arrivals: .renewal(interarrival: .exponential(mean: 10), count: nil,
                                                                              until: nil),
                                           mix: [(product: 0, weight: 1)])])
    }
}
