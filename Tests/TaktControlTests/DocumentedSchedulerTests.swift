import TaktFactory
import TaktKernel
import XCTest

// The scheduler of docs/controllers.md ("Writing a scheduler"), compiled and run here so the
// document cannot rot.

/// Earliest due date, but a job whose due date is more than `horizon` away waits (holding work
/// back), and a machine prefers jobs it needs no changeover for.
struct DueSoonFirst: SchedulingController {
    var name: String { "due_soon" }
    let horizon: Double
    var held = 0

    var nextReview: Double? = nil

    mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        let startable = shop.queues[station].filter { $0.canStart }
        let due = startable.filter { $0.dueDate - shop.now <= horizon }
        guard let job = due.min(by: { ($0.dueDate, $0.serial) < ($1.dueDate, $1.serial) }) else {
            // nothing due soon: wait, and look again when the earliest one comes within the horizon
            held += 1
            nextReview = startable.map { $0.dueDate - horizon }.min()
            return []
        }
        let free = shop.freeMachines(at: station)
        let machine = free.first { shop.machines[$0].setupFamily == job.setupFamily } ?? free[0]
        return [Assignment(job: job.serial, machine: machine)]
    }

    func metrics() -> [ControllerMetric] { [ControllerMetric("held", "offers held back", value: Double(held))] }
}

final class DocumentedSchedulerTests: XCTestCase {
    /// Three orders known at time 0, due at 10, 20 and 30 h, one hour of work each, on one
    /// machine: each waits until it is due within 8 h, so they start at 2, 12 and 22 h, and the
    /// machine is idle (not starved) meanwhile.
    func testTheDocumentedSchedulerHoldsWorkBack() {
        let hour = 3600.0
        let configuration = FactoryConfiguration(
            stations: [StationSpec(name: "m")],
            products: [ProductSpec(name: "p", routing: [OperationSpec(name: "a", stations: [0],
                                                                      processTime: .constant(hour))])],
            orderSources: [OrderSourceSpec(
                name: "plan", arrivals: .schedule([30, 10, 20].map {
                    ScheduledOrder(time: 0, product: 0, due: $0 * hour)
                }), mix: [])],
            recordGantt: true)
        let controllers = Controllers(scheduling: DueSoonFirst(horizon: 8 * hour))
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: 1),
                                                        controllers: controllers))
        _ = simulation.run()
        simulation.finish()
        XCTAssertEqual(simulation.model.gantt.map { $0.start / hour }, [2, 12, 22])
        XCTAssertEqual(simulation.model.gantt.map(\.job), [1, 2, 0])
        let report = simulation.model.report()
        XCTAssertEqual(report.stations[0].stateShares[MachineState.starved.rawValue], 0)
        let held = simulation.model.controllerMetrics.first { $0.prefix == "due_soon" }?.metrics.first?.value
        XCTAssertGreaterThanOrEqual(held ?? 0, 2)
    }
}
