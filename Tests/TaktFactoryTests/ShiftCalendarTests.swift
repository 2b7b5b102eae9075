import TaktFactory
import TaktKernel
import XCTest

/// Shift calendars: working time is exact, and steps finish or resume as configured.
final class ShiftCalendarTests: XCTestCase {
    /// Two 8-hour shifts, Monday to Friday, 06:00–22:00: 80 hours a week.
    func twoShifts(_ rule: ShiftEndRule) -> ShiftCalendar {
        ShiftCalendar(intervals: (0..<5).flatMap { day -> [(start: Double, end: Double)] in
            let base = Double(day) * 86_400
            return [(base + 6 * 3600, base + 14 * 3600), (base + 14 * 3600, base + 22 * 3600)]
        }, atShiftEnd: rule)
    }

    func loadedStation(_ calendar: ShiftCalendar, step: Double) -> FactoryConfiguration {
        var station = StationSpec(name: "weld", bufferCapacity: 2)
        station.calendar = calendar
        return FactoryConfiguration(
            stations: [station],
            products: [ProductSpec(name: "p", routing: [OperationSpec(name: "weld", stations: [0],
                                                                      processTime: .constant(step))])],
            orderSources: [OrderSourceSpec(name: "supply", arrivals: .renewal(interarrival: .constant(1), count: nil,
                                                                              until: nil),
                                           mix: [(product: 0, weight: 1)], whenFull: .reject)],
            recordGantt: true)
    }

    func testCalendarArithmetic() {
        let calendar = twoShifts(.finish)
        XCTAssertEqual(calendar.intervals.count, 5, "adjacent shifts merge")
        XCTAssertEqual(calendar.hoursPerWeek, 80)
        XCTAssertFalse(calendar.isWorking(at: 0))
        XCTAssertTrue(calendar.isWorking(at: 6 * 3600))
        XCTAssertFalse(calendar.isWorking(at: 22 * 3600))
        XCTAssertEqual(calendar.nextChange(after: 0), 6 * 3600)
        XCTAssertEqual(calendar.nextChange(after: 6 * 3600), 22 * 3600)
        XCTAssertEqual(calendar.nextChange(after: 4 * 86_400 + 22 * 3600), ShiftCalendar.week + 6 * 3600,
                       "Friday night → Monday")
        XCTAssertNil(ShiftCalendar(intervals: [(0, ShiftCalendar.week)]).nextChange(after: 5))
    }

    /// A fully loaded machine that stops at shift end works exactly the calendar's hours: over
    /// two weeks, busy = 160 h and off shift = 176 h, to the second.
    func testCapacityEqualsCalendarHours() {
        var simulation = Simulation(model: FactoryModel(loadedStation(twoShifts(.interrupt), step: 700),
                                                        streams: RandomStreams(seed: 1)),
                                    limits: RunLimits(endTime: 2 * ShiftCalendar.week))
        _ = simulation.run()
        simulation.finish()
        let report = simulation.model.report()
        let period = report.period
        XCTAssertEqual(report.stations[0].stateShares[MachineState.busy.rawValue] * period, 160 * 3600, accuracy: 1e-6)
        XCTAssertEqual(report.stations[0].stateShares[MachineState.offShift.rawValue] * period, 176 * 3600,
                       accuracy: 1e-6)
        XCTAssertEqual(report.stations[0].availability, 1, accuracy: 1e-12, "off-shift time is not planned time")
        // interrupted steps resume: 160 h of 700 s steps = 822 whole steps and a part
        XCTAssertEqual(report.stations[0].processedUnits, Int(160 * 3600 / 700))
    }

    /// With `finish`, a step running at shift end completes (past 22:00), then the machine stops.
    func testFinishRuleCompletesTheStep() {
        var simulation = Simulation(model: FactoryModel(loadedStation(twoShifts(.finish), step: 700),
                                                        streams: RandomStreams(seed: 1)),
                                    limits: RunLimits(endTime: 86_400))
        _ = simulation.run()
        let gantt = simulation.model.gantt
        let last = gantt.last!
        XCTAssertGreaterThan(last.end, 22 * 3600)
        XCTAssertLessThan(last.start, 22 * 3600)
        XCTAssertEqual(gantt.first!.start, 6 * 3600, "no work before the shift")
        XCTAssertEqual(gantt.count, Int((16.0 * 3600 / 700).rounded(.up)))
    }

    /// Holidays take whole days out: one 8-hour early shift Monday–Friday with day 2 (the first
    /// Wednesday) and days 7–20 (two whole weeks) off gives exactly 4 × 8 h (week 1) + 5 × 8 h
    /// (week 4) = 72 h of work in four weeks, and the calendar's next change skips the holidays.
    func testHolidaysRemoveWholeDays() {
        var intervals: [(start: Double, end: Double)] = []
        for day in 0..<5 { intervals.append((Double(day) * 86_400 + 6 * 3600, Double(day) * 86_400 + 14 * 3600)) }
        var calendar = ShiftCalendar(intervals: intervals, atShiftEnd: .interrupt)
        calendar.holidays = Set([2] + Array(7...20))
        XCTAssertFalse(calendar.isWorking(at: 2 * 86_400 + 8 * 3600))
        XCTAssertEqual(calendar.nextChange(after: 1 * 86_400 + 14 * 3600), 3 * 86_400 + 6 * 3600,
                       "Tuesday evening → Thursday morning")
        XCTAssertEqual(calendar.nextChange(after: 4 * 86_400 + 14 * 3600), 21 * 86_400 + 6 * 3600,
                       "Friday → Monday after the break")
        var simulation = Simulation(model: FactoryModel(loadedStation(calendar, step: 700),
                                                        streams: RandomStreams(seed: 1)),
                                    limits: RunLimits(endTime: 4 * ShiftCalendar.week))
        _ = simulation.run()
        simulation.finish()
        let report = simulation.model.report()
        XCTAssertEqual(report.stations[0].stateShares[MachineState.busy.rawValue] * report.period, (4 + 5) * 8 * 3600,
                       accuracy: 1e-6)
    }
}
