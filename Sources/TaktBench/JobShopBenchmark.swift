import TaktFactory
import TaktKernel

/// A dynamic job shop: 10 stations of 2 machines, 10 products each visiting every station once
/// in its own order (exponential times, mean 10 min), Poisson orders at 85% load, dispatching by
/// `--rule` (0: MWKR, a scanning rule; 1: SPT, a ranked queue), setups between two families, for
/// `--jobs` jobs. The factory model's dispatching and routing paths, which M/M/5 barely uses.
func benchmarkJobShop() {
    let jobs = option("--jobs", default: 20_000)
    let rule: DispatchRule = option("--rule", default: 0) == 0 ? .mwkr : .spt
    let configuration = dynamicJobShop(jobs: jobs, rule: rule)
    let clock = ContinuousClock()
    let started = clock.now
    var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1)))
    _ = simulation.run()
    simulation.finish()
    let elapsed = seconds(clock.now - started)
    let report = simulation.model.report()
    print("""
    {"benchmark":"jobshop","rule":"\(rule)","jobs":\(report.finishedJobs),"events":\(simulation.eventsProcessed),\
    "seconds":\(elapsed),"events_per_second":\(Double(simulation.eventsProcessed) / elapsed),\
    "flow_time_mean":\(report.flowTimeMean)}
    """)
}

/// The dynamic job shop of `benchmarkJobShop` (and `benchmarkScheduling`).
func dynamicJobShop(jobs: Int, rule: DispatchRule) -> FactoryConfiguration {
    var generator = Xoshiro256StarStar(seed: 42)
    let stations = (0..<10).map { index in
        StationSpec(name: "s\(index)", machines: 2, dispatch: rule,
                    setup: SetupSpec(families: ["a", "b"], times: [[nil, .constant(120)], [.constant(120), nil]]))
    }
    let products = (0..<10).map { product -> ProductSpec in
        var order = Array(0..<10)
        for i in stride(from: 9, to: 0, by: -1) { order.swapAt(i, Int(generator.nextUnit() * Double(i + 1))) }
        var spec = ProductSpec(name: "p\(product)", routing: order.map {
            OperationSpec(name: "o\($0)", stations: [$0], processTime: .exponential(mean: 600))
        })
        spec.family = product % 2
        return spec
    }
    // each job brings 10 × 10 min to 10 stations × 2 machines: 1 job per 5 min is full load
    return FactoryConfiguration(
        stations: stations, products: products,
        orderSources: [OrderSourceSpec(name: "orders", arrivals: .renewal(interarrival: .exponential(mean: 300 / 0.85),
                                                                          count: jobs, until: nil),
                                       mix: (0..<10).map { (product: $0, weight: 1.0) })])
}
