import TaktControl
import TaktFactory
import TaktKernel

/// A controller that decides nothing and counts its calls: the cost of the seam itself
/// (building an observation and calling through the protocol).
struct CountingController: MaintenanceController {
    var name: String { "counting" }
    var calls = 0
    mutating func observe(_ event: PlantEvent, plant: PlantObservation) -> [MaintenanceOrder] {
        calls += 1
        return []
    }
    func metrics() -> [ControllerMetric] { [ControllerMetric("calls", "calls", value: Double(calls))] }
}

/// The cost per decision of the maintenance controllers on a press fleet (8 machines with hidden
/// wear, a vibration sensor every 30 min, 70 days): the best of `--repeat` runs of each variant,
/// minus the run without a controller, divided by the number of controller calls.
func benchmarkControllers() {
    let repeats = option("--repeat", default: 5)
    let machines = option("--machines", default: 8)
    var press = StationSpec(name: "press", machines: machines)
    press.wear = WearSpec(incrementPerCycle: .gamma(shape: 2, scale: 0.01), failureThreshold: .infinity,
                          repairTime: .lognormal(mean: 6 * 3600, sd: 7200))
    press.wear?.hazard = (shape: 6, scale: 100)
    var configuration = FactoryConfiguration(
        stations: [press],
        products: [ProductSpec(name: "panel",
                               routing: [OperationSpec(name: "press", stations: [0],
                                                       processTime: .lognormal(mean: 120, sd: 20))])],
        orderSources: [OrderSourceSpec(name: "demand",
                                       arrivals: .renewal(interarrival: .exponential(mean: 3600.0
                                                                                         / (24.0 * Double(machines))),
                                                                            count: nil, until: nil),
                                       mix: [(product: 0, weight: 1)])])
    configuration.sensors = [SensorSpec(name: "vibration", station: 0, interval: 1800, offset: 1, gain: 0.04,
                                        noiseSD: 0.12,
                                        missingProbability: 0.02)]
    let all = Array(0..<machines)
    let variants: [(String, () -> Controllers)] = [
        ("none", { Controllers() }),
        ("seam", { Controllers(maintenance: CountingController()) }),
        ("preventive",
         { Controllers(maintenance: AgeReplacement(interval: 110 * 3600, duration: 5400, machines: all,
                                                   machineCount: machines)) }),
        ("predictive",
         { Controllers(maintenance: PredictiveMaintenance(sensor: 0, horizon: 12 * 3600, duration: 5400, machines: all,
                                                                        machineCount: machines)) }),
    ]
    var best: [String: Double] = [:]
    var calls = 0.0
    var events: [String: Int] = [:]
    let clock = ContinuousClock()
    for _ in 0..<repeats {
        for (name, make) in variants {
            let started = clock.now
            var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 5),
                                                            controllers: make()),
                                        limits: RunLimits(endTime: 70 * 86_400))
            _ = simulation.run()
            simulation.finish()
            let elapsed = seconds(clock.now - started)
            best[name] = min(best[name] ?? .infinity, elapsed)
            events[name] = simulation.eventsProcessed
            if name == "seam" { calls = simulation.model.controllerMetrics.first?.metrics.first?.value ?? 0 }
        }
    }
    for (name, _) in variants {
        let extra = (best[name]! - best["none"]!) / max(1, calls) * 1e9
        print("""
        {"benchmark":"controllers","controller":"\(name)","machines":\(machines),"events":\(events[name]!),\
        "seconds":\(best[name]!),"controller_calls":\(Int(calls)),"ns_per_call":\(name == "none" ? 0 : extra)}
        """)
    }
}
