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
        XCTAssertEqual(simulation.run(), .maxEvents)
        XCTAssertEqual(simulation.eventsProcessed, 50)
    }

    /// An empty calendar before a finite end time: the run still lasts until the end time
    /// (warm-up included), so time-weighted statistics cover the whole run.
    func testEmptyCalendarRunsToEndTime() {
        struct OneShot: DiscreteEventModel {
            mutating func start(calendar: inout EventCalendar<Int>) { calendar.schedule(1, at: 3) }
            mutating func handle(_ event: Int, calendar: inout EventCalendar<Int>) {}
        }
        var simulation = Simulation(model: OneShot(), limits: RunLimits(endTime: 1000, warmUp: 100))
        XCTAssertEqual(simulation.run(), .endTime)
        XCTAssertEqual(simulation.now, 1000)
        XCTAssertTrue(simulation.warmUpDone)
    }

    /// A loop at one instant is stopped after the no-progress limit, not run forever.
    func testLoopAtOneInstantIsNoProgress() {
        var simulation = Simulation(model: Ticker(period: 0),
                                    limits: RunLimits(endTime: 10, maxEventsAtOneInstant: 1_000))
        XCTAssertEqual(simulation.run(), .noProgress)
        XCTAssertEqual(simulation.now, 0)
        XCTAssertEqual(simulation.eventsProcessed, 1_000)
        XCTAssertNotNil(simulation.nextEvent())
        var sliced = Simulation(model: Ticker(period: 0), limits: RunLimits(maxEventsAtOneInstant: 1_000))
        while sliced.run(maxEvents: 7) == .eventLimit {}
        XCTAssertEqual(sliced.eventsProcessed, 1_000, "the watch carries over between slices")
    }

    /// Time steps below the clock's resolution are no progress either.
    func testStepsBelowResolutionAreNoProgress() {
        var simulation = Simulation(model: Ticker(period: 1e-300), limits: RunLimits(maxEventsAtOneInstant: 500),
                                    start: 1e6)
        XCTAssertEqual(simulation.run(), .noProgress)
    }

    /// An impossible time (infinite, NaN, in the past) is a fault that stops the run; nothing traps.
    func testImpossibleTimeIsAFault() {
        struct Overflow: DiscreteEventModel {
            var delay: Double
            mutating func start(calendar: inout EventCalendar<Int>) { calendar.schedule(1, at: 1) }
            mutating func handle(_ event: Int, calendar: inout EventCalendar<Int>) {
                let id = calendar.schedule(event + 1, after: delay)
                XCTAssertFalse(calendar.isPending(id))
                XCTAssertFalse(calendar.cancel(id), "a faulty id cancels nothing")
            }
        }
        for delay in [Double.infinity, .nan, -1] {
            var simulation = Simulation(model: Overflow(delay: delay))
            XCTAssertEqual(simulation.run(), .fault)
            let fault = simulation.calendar.fault
            XCTAssertEqual(fault?.payload, 2)
            XCTAssertEqual(fault?.now, 1)
            XCTAssertEqual(simulation.run(), .fault, "a faulty run does not go on")
        }
    }
}
