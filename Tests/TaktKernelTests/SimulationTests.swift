import TaktKernel
import XCTest

/// A clock that ticks every `period`, counts ticks after warm-up, and stops itself after
/// `stopAfter` ticks.
struct Ticker: DiscreteEventModel {
    enum Event { case tick }
    var period = 1.0
    var stopAfter = Int.max
    var ticks = 0
    var countedTicks = 0
    var resetAt: SimTime?
    var finishedAt: SimTime?

    mutating func start(calendar: inout EventCalendar<Event>) {
        calendar.schedule(.tick, after: period)
    }

    mutating func handle(_ event: Event, calendar: inout EventCalendar<Event>) {
        ticks += 1
        countedTicks += 1
        if ticks >= stopAfter { calendar.requestStop(); return }
        calendar.schedule(.tick, after: period)
    }

    mutating func resetStatistics(at time: SimTime) {
        countedTicks = 0
        resetAt = time
    }

    mutating func finish(at time: SimTime) { finishedAt = time }
}

final class SimulationTests: XCTestCase {
    /// A run stops at its end time with the clock set to it; events at the end time still run.
    func testRunUntilTime() {
        var simulation = Simulation(model: Ticker(), limits: RunLimits(endTime: 10.5))
        XCTAssertEqual(simulation.run(), .endTime)
        simulation.finish()
        XCTAssertEqual(simulation.model.ticks, 10)
        XCTAssertEqual(simulation.now, 10.5)
        XCTAssertEqual(simulation.model.finishedAt, 10.5)
        var exact = Simulation(model: Ticker(), limits: RunLimits(endTime: 10))
        _ = exact.run()
        XCTAssertEqual(exact.model.ticks, 10, "an event at exactly the end time runs")
    }

    /// Statistics are reset once, at the end of the warm-up, with the clock there.
    func testWarmUpResetsStatistics() {
        var simulation = Simulation(model: Ticker(), limits: RunLimits(endTime: 100, warmUp: 30.5))
        _ = simulation.run()
        XCTAssertEqual(simulation.model.resetAt, 30.5)
        XCTAssertEqual(simulation.model.ticks, 100)
        XCTAssertEqual(simulation.model.countedTicks, 70)
    }

    /// A model can stop the run (run until a count).
    func testModelRequestsStop() {
        var simulation = Simulation(model: Ticker(stopAfter: 25))
        XCTAssertEqual(simulation.run(), .modelRequested)
        XCTAssertEqual(simulation.model.ticks, 25)
        XCTAssertEqual(simulation.now, 25)
    }

    /// An empty calendar ends the run.
    func testCalendarEmpty() {
        struct OneShot: DiscreteEventModel {
            mutating func start(calendar: inout EventCalendar<Int>) { calendar.schedule(1, at: 3) }
            mutating func handle(_ event: Int, calendar: inout EventCalendar<Int>) {}
        }
        var simulation = Simulation(model: OneShot())
        XCTAssertEqual(simulation.run(), .calendarEmpty)
        XCTAssertEqual(simulation.eventsProcessed, 1)
    }

    /// Running in slices of events (for a progress bar) gives the same run as one call.
    func testSlicedRunEqualsSingleRun() {
        var whole = Simulation(model: Ticker(), limits: RunLimits(endTime: 1000, warmUp: 100))
        _ = whole.run()
        var sliced = Simulation(model: Ticker(), limits: RunLimits(endTime: 1000, warmUp: 100))
        var slices = 0
        while sliced.run(maxEvents: 37) == .eventLimit { slices += 1 }
        XCTAssertGreaterThan(slices, 20)
        XCTAssertEqual(sliced.model.ticks, whole.model.ticks)
        XCTAssertEqual(sliced.model.countedTicks, whole.model.countedTicks)
        XCTAssertEqual(sliced.now, whole.now)
    }

    /// The run-wide event limit is a safety net.
    func testEventLimit() {
        var simulation = Simulation(model: Ticker(), limits: RunLimits(maxEvents: 50))
        XCTAssertEqual(simulation.run(), .eventLimit)
        XCTAssertEqual(simulation.eventsProcessed, 50)
    }
}
