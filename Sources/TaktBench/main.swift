// takt-bench: speed benchmarks of the Takt kernel, for docs/performance.md.
//
//   takt-bench mmc [--customers N] [--seed S]     M/M/5, λ = 4.5, μ = 1, one JSON line
//   takt-bench factory-mmc [--customers N]          the same queue built from the factory model
//   takt-bench hold [--size N] [--holds H]         calendar hold model, ns per hold
//   takt-bench line [--machines N]                 N-machine flow line with breakdowns, one year
//   takt-bench jobshop [--jobs N] [--rule 0|1]      dynamic 10-station job shop with setups, MWKR or SPT
//   takt-bench controllers [--machines N]          cost per call of the maintenance controllers
//
// Build with `swift build -c release --product takt-bench`; scripts/bench/compare.sh runs it
// beside SimPy and a hand-written C loop.
import TaktFactory
import TaktKernel
import TaktQueueing

#if canImport(Glibc)
import Glibc
#endif

func option(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
          let parsed = Int(arguments[index + 1]) else { return value }
    return parsed
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}

func benchmarkMMc() {
    let customers = option("--customers", default: 2_000_000)
    let seed = UInt64(option("--seed", default: 1))
    let configuration = MultiServerQueue.Configuration.markovian(
        arrivalRate: 4.5, serviceRate: 1, servers: 5, customers: customers, warmUpCustomers: 10_000)
    let exact = ErlangC(arrivalRate: 4.5, serviceRate: 1, servers: 5).meanWaitInQueue
    let clock = ContinuousClock()
    let started = clock.now
    var simulation = Simulation(model: MultiServerQueue(configuration, streams: RandomStreams(seed: seed)))
    _ = simulation.run()
    simulation.finish()
    let elapsed = seconds(clock.now - started)
    let events = simulation.eventsProcessed
    let interval = simulation.model.waitsInQueue.confidenceInterval(level: 0.99)
    let mean = simulation.model.waitsInQueue.overall.mean
    print("""
    {"engine":"takt","customers":\(customers),"events":\(events),"seconds":\(elapsed),\
    "events_per_second":\(Double(events) / elapsed),"mean_wait":\(mean),\
    "ci99_low":\(interval?.lower ?? .nan),"ci99_high":\(interval?.upper ?? .nan),"exact_wait":\(exact)}
    """)
}

func benchmarkHold() {
    let size = option("--size", default: 1000)
    let holds = option("--holds", default: 5_000_000)
    var rng = RandomStreams(seed: 1).stream(entity: "bench", purpose: "hold")
    var increments = [Double](repeating: 0, count: 1 << 16)
    for index in increments.indices { increments[index] = -log(rng.nextOpenUnit()) }
    var calendar = EventCalendar<Int32>(reservingCapacity: size)
    for index in 0..<size { calendar.schedule(Int32(index), at: increments[index & 0xFFFF]) }
    let clock = ContinuousClock()
    let started = clock.now
    var checksum: Int32 = 0
    for hold in 0..<holds {
        let event = calendar.popNext()!
        checksum &+= event.payload
        calendar.schedule(event.payload, after: increments[hold & 0xFFFF])
    }
    let elapsed = seconds(clock.now - started)
    print("""
    {"benchmark":"hold","size":\(size),"holds":\(holds),"ns_per_hold":\(elapsed / Double(holds) * 1e9),\
    "checksum":\(checksum)}
    """)
}

/// The same M/M/5 queue built from the factory model (one station of 5 machines).
func benchmarkFactoryMMc() {
    let customers = option("--customers", default: 2_000_000)
    let seed = UInt64(option("--seed", default: 1))
    let configuration = FactoryConfiguration(
        stations: [StationSpec(name: "station", machines: 5)],
        products: [ProductSpec(name: "part",
                               routing: [OperationSpec(name: "serve", stations: [0],
                                                       processTime: .exponential(mean: 60))])],
        orderSources: [OrderSourceSpec(name: "arrivals",
                                       arrivals: .renewal(interarrival: .exponential(mean: 60 / 4.5), count: customers,
                                                          until: nil),
                                       mix: [(product: 0, weight: 1)])])
    let clock = ContinuousClock()
    let started = clock.now
    var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: seed)))
    _ = simulation.run()
    simulation.finish()
    let elapsed = seconds(clock.now - started)
    let report = simulation.model.report()
    let exact = ErlangC(arrivalRate: 4.5, serviceRate: 1, servers: 5).meanWaitInQueue
    print("""
    {"engine":"takt-factory","customers":\(customers),"events":\(simulation.eventsProcessed),"seconds":\(elapsed),\
    "events_per_second":\(Double(simulation.eventsProcessed) / elapsed),"mean_wait":\((report.flowTimeMean - 60) / 60),\
    "exact_wait":\(exact)}
    """)
}

/// A flow line of `--machines` single-machine stations with exponential times and breakdowns,
/// run for one simulated year: the event rate of a large model.
func benchmarkLongLine() {
    let machines = option("--machines", default: 1000)
    let stations = (0..<machines).map { index in
        StationSpec(name: "s\(index)", bufferCapacity: 20,
                    breakdowns: BreakdownSpec(timeToFailure: .exponential(mean: 8 * 3600),
                                              repairTime: .exponential(mean: 1800)))
    }
    let routing = (0..<machines)
        .map { OperationSpec(name: "o\($0)", stations: [$0], processTime: .exponential(mean: 30)) }
    let configuration = FactoryConfiguration(
        stations: stations, products: [ProductSpec(name: "part", routing: routing)],
        orderSources: [OrderSourceSpec(name: "arrivals",
                                       arrivals: .renewal(interarrival: .exponential(mean: 90), count: nil, until: nil),
                                       mix: [(product: 0, weight: 1)])])
    let clock = ContinuousClock()
    let started = clock.now
    var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1)),
                                limits: RunLimits(endTime: 365 * 86_400))
    _ = simulation.run()
    simulation.finish()
    let elapsed = seconds(clock.now - started)
    let report = simulation.model.report()
    print("""
    {"benchmark":"line","machines":\(machines),"simulated_days":365,"events":\(simulation.eventsProcessed),\
    "seconds":\(elapsed),"events_per_second":\(Double(simulation.eventsProcessed) / elapsed),\
    "finished":\(report.finishedJobs),"wip_mean":\(report.wipMean)}
    """)
}

switch CommandLine.arguments.dropFirst().first {
case "mmc": benchmarkMMc()
case "factory-mmc": benchmarkFactoryMMc()
case "line": benchmarkLongLine()
case "jobshop": benchmarkJobShop()
case "hold": benchmarkHold()
case "controllers": benchmarkControllers()
case "scheduling": benchmarkScheduling()
default:
    print("usage: takt-bench mmc|factory-mmc [--customers N] [--seed S] | hold [--size N] [--holds H] | line "
              + "[--machines N] | jobshop [--jobs N] [--rule 0|1] | controllers [--machines N] | scheduling [--jobs N]")
    exit(2)
}
