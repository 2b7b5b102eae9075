import TaktControl
import TaktFactory
import TaktKernel

/// A built-in rule hidden behind another type, so it runs through the scheduling seam instead
/// of the inline path; it counts the offers it gets.
struct SeamRule: SchedulingController {
    var inner: DispatchRuleScheduler
    var offers = 0
    var name: String { "seam" }
    mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        offers += 1
        return inner.dispatch(at: station, shop: shop)
    }
    func metrics() -> [ControllerMetric] { [ControllerMetric("offers", "offers", value: Double(offers))] }
}

/// The cost per decision of the scheduling seam on the dynamic job shop (`dynamicJobShop`):
/// the same rule on the inline path and through the seam (a `ShopObservation` of every queue and
/// machine per offer, and a call through the protocol), best of `--repeat` runs each, the
/// difference divided by the offers; and the optimiser's planning time on a static 10 × 10 shop.
func benchmarkScheduling() {
    let repeats = option("--repeat", default: 5)
    let jobs = option("--jobs", default: 5_000)
    let configuration = dynamicJobShop(jobs: jobs, rule: .spt)
    let clock = ContinuousClock()
    var best: [String: Double] = [:]
    var offers = 0.0, events = 0
    for _ in 0..<repeats {
        for name in ["inline", "seam"] {
            let controllers = name == "inline" ? Controllers()
                : Controllers(scheduling: SeamRule(inner: DispatchRuleScheduler(rule: .spt)))
            let started = clock.now
            var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1),
                                                            controllers: controllers))
            _ = simulation.run()
            simulation.finish()
            best[name] = min(best[name] ?? .infinity, seconds(clock.now - started))
            events = simulation.eventsProcessed
            if name == "seam" {
                offers = simulation.model.controllerMetrics.first { $0.prefix == "seam" }?.metrics.first?.value ?? 0
            }
        }
    }
    let perOffer = (best["seam"]! - best["inline"]!) / max(1, offers) * 1e9
    print("""
    {"benchmark":"scheduling","jobs":\(jobs),"events":\(events),"inline_seconds":\(best["inline"]!),\
    "seam_seconds":\(best["seam"]!),"offers":\(Int(offers)),"ns_per_offer":\(perOffer)}
    """)
    let iterations = option("--iterations", default: 200_000)
    var generator = Xoshiro256StarStar(seed: 7)
    let stations = (0..<10).map { StationSpec(name: "m\($0)") }
    let products = (0..<10).map { job -> ProductSpec in
        var order = Array(0..<10)
        for i in stride(from: 9, to: 0, by: -1) { order.swapAt(i, Int(generator.nextUnit() * Double(i + 1))) }
        return ProductSpec(name: "job\(job)", routing: order.map {
            OperationSpec(name: "o\($0)", stations: [$0],
                          processTime: .constant(60 * Double(1 + generator.next() % 99)))
        })
    }
    let shop = FactoryConfiguration(
        stations: stations, products: products,
        orderSources: [OrderSourceSpec(name: "orders", arrivals: .schedule((0..<10).map {
            ScheduledOrder(time: 0, product: $0)
        }), mix: [])])
    let started = clock.now
    var simulation = Simulation(model: FactoryModel(shop, streams: RandomStreams(seed: 1), controllers: Controllers(
        scheduling: OptimisedSchedule(.init(iterations: iterations)))))
    _ = simulation.run()
    simulation.finish()
    let planSeconds = seconds(clock.now - started)
    print("""
    {"benchmark":"scheduling","optimiser_iterations":\(iterations),"plan_and_run_seconds":\(planSeconds),\
    "makespan_min":\(simulation.model.report().makespan / 60)}
    """)
}
