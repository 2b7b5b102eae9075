import TaktFactory
import TaktKernel
import XCTest

/// Workers: technicians as the repairmen of the finite-source queue, operators' calendars as
/// exact capacity, efficiency, choice of worker, overtime and labour cost.
final class WorkerTests: XCTestCase {
    /// One 8-hour shift, Monday to Friday, 06:00–14:00.
    func earlyShift(_ rule: ShiftEndRule) -> ShiftCalendar {
        var intervals: [(start: Double, end: Double)] = []
        for day in 0..<5 {
            let midnight = Double(day) * 86_400
            intervals.append((midnight + 6 * 3600, midnight + 14 * 3600))
        }
        return ShiftCalendar(intervals: intervals, atShiftEnd: rule)
    }

    /// A station that is never short of work (arrivals every second, rejected when the buffer
    /// is full), whose machines need an operator for every step.
    func attendedStation(machines: Int = 1, step: Double, pools: [WorkerPoolSpec],
                         choice: WorkerChoice = .firstFree) -> FactoryConfiguration {
        var station = StationSpec(name: "weld", machines: machines, bufferCapacity: 2)
        station.operators = .step
        var configuration = FactoryConfiguration(
            stations: [station],
            products: [ProductSpec(name: "p", routing: [OperationSpec(name: "weld", stations: [0],
                                                                      processTime: .constant(step))])],
            orderSources: [OrderSourceSpec(name: "supply", arrivals: .renewal(interarrival: .constant(1), count: nil,
                                                                              until: nil),
                                           mix: [(product: 0, weight: 1)], whenFull: .reject)],
            recordGantt: true)
        configuration.workerPools = pools
        configuration.workerChoice = choice
        return configuration
    }

    func assertCovers(_ values: [Double], _ exact: Double, _ what: String, maxRelativeWidth: Double,
                      file: StaticString = #filePath, line: UInt = #line) {
        let interval = ConfidenceInterval(values, level: 0.99)
        XCTAssertTrue(interval.contains(exact), "\(what): \(interval) does not contain \(exact)", file: file,
                      line: line)
        XCTAssertLessThan(interval.halfWidth, maxRelativeWidth * abs(exact), "\(what): interval too wide: \(interval)",
                          file: file, line: line)
    }

    func run(_ configuration: FactoryConfiguration, until end: Double, seed: UInt64 = 1) -> FactoryModel {
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: seed)),
                                    limits: RunLimits(endTime: end))
        _ = simulation.run()
        simulation.finish()
        return simulation.takeModel()
    }

    /// Machine-repairman model with technicians from a worker pool (CASES.md §7, rows 2 and 4):
    /// N = 10, r = 2, λ = 1/50, μ = 1/5 — availability 0.896136, mean number down 1.038638;
    /// N = 6, r = 3, λ = 1/3, μ = 1/2 — availability 0.563558, mean number down 2.618652.
    /// Each within the 99% confidence interval of 10 replications.
    func testMachineRepairmanWithTechnicians() {
        let cases: [(n: Int, r: Int, mttf: Double, mttr: Double, availability: Double, down: Double, busy: Double)] = [
            (10, 2, 50, 5, 0.896136, 1.038638, 0.448068), (6, 3, 3, 2, 0.563558, 2.618652, 0.751411),
        ]
        for c in cases {
            var station = StationSpec(name: "press", machines: c.n)
            station.breakdowns = BreakdownSpec(timeToFailure: .exponential(mean: c.mttf), basis: .calendarTime,
                                               repairTime: .exponential(mean: c.mttr))
            station.breakdowns?.byTechnician = true
            var configuration = FactoryConfiguration(
                stations: [station],
                products: [ProductSpec(name: "part", routing: [OperationSpec(name: "press", stations: [0],
                                                                             processTime: .constant(1))])],
                orderSources: [OrderSourceSpec(name: "none",
                                               arrivals: .renewal(interarrival: .constant(1), count: 0, until: nil),
                                               mix: [(product: 0, weight: 1)])])
            configuration.workerPools = [WorkerPoolSpec(name: "technicians", count: c.r, skills: [.repair: 1])]
            let horizon = 20_000 * c.mttf
            let reports = Factories.replicate(configuration, replications: 10,
                                              limits: RunLimits(endTime: horizon, warmUp: horizon / 50))
            let downShare = reports.map { $0.stations[0].stateShares[MachineState.down.rawValue] }
            assertCovers(downShare.map { 1 - $0 }, c.availability, "N=\(c.n) availability", maxRelativeWidth: 0.01)
            assertCovers(downShare.map { $0 * Double(c.n) }, c.down, "N=\(c.n) mean number down",
                         maxRelativeWidth: 0.05)
            assertCovers(reports.map { $0.workerPools[0].utilisation }, c.busy, "N=\(c.n) technician utilisation",
                                               maxRelativeWidth: 0.03)
        }
    }

    /// An operator on one 8-hour shift, Monday–Friday, with 50-minute steps. With `interrupt`
    /// the machine works exactly the calendar's 40 h a week; with `finish` each day's last step
    /// ends at 14:20, so the week has 5 × 500 min of work and 5 × 20 min of overtime — to the second.
    func testOperatorCalendarGivesExactCapacity() {
        let weeks = 2.0
        for rule in [ShiftEndRule.interrupt, .finish] {
            let pool = WorkerPoolSpec(name: "welders", count: 1, skills: [.operate(station: 0): 1],
                                      calendar: earlyShift(rule),
                                      costPerHour: 30, overtimePremium: 0.5)
            let model = run(attendedStation(step: 3000, pools: [pool]), until: weeks * ShiftCalendar.week)
            let report = model.report()
            let busy = report.stations[0].stateShares[MachineState.busy.rawValue] * report.period
            let expectedBusy = rule == .interrupt ? weeks * 40 * 3600 : weeks * 5 * 500 * 60
            XCTAssertEqual(busy, expectedBusy, accuracy: 1e-6, "\(rule) busy time")
            XCTAssertEqual(report.stations[0].operatorHours * 3600, expectedBusy, accuracy: 1e-6,
                           "\(rule) operator hours")
            let labour = report.workerPools[0]
            XCTAssertEqual(labour.scheduledHours, weeks * 40, accuracy: 1e-9, "\(rule) scheduled hours")
            let overtime = rule == .interrupt ? 0.0 : weeks * 5 * 20 / 60
            XCTAssertEqual(labour.overtimeHours, overtime, accuracy: 1e-9, "\(rule) overtime")
            XCTAssertEqual(labour.labourCost, 30 * weeks * 40 + 45 * overtime, accuracy: 1e-6, "\(rule) labour cost")
            XCTAssertEqual(report.stations[0].stateShares[MachineState.offShift.rawValue] * report.period,
                           weeks * ShiftCalendar.week - expectedBusy, accuracy: 1e-6,
                           "\(rule): the machine is off shift whenever it does not work (never idle with work waiting)")
        }
    }

    /// Efficiency scales the step: an operator at 0.5 takes 20 min for a 10-minute step. (The first
    /// part arrives at t = 1 s, hence the extra second in the horizons below.)
    func testEfficiencyScalesTheStep() {
        let pool = WorkerPoolSpec(name: "trainees", count: 1, skills: [.operate(station: 0): 0.5])
        let model = run(attendedStation(step: 600, pools: [pool]), until: 10 * 3600 + 1)
        XCTAssertEqual(model.report().stations[0].processedUnits, 30)
        XCTAssertTrue(model.gantt.allSatisfy { abs($0.end - $0.start - 1200) < 1e-9 })
    }

    /// With two free workers (efficiency 1 and 2), most_qualified gives every step to the faster
    /// one; first_free to the first; least_busy alternates between them.
    func testWorkerChoice() {
        let pools = [WorkerPoolSpec(name: "slow", count: 1, skills: [.operate(station: 0): 1]),
                     WorkerPoolSpec(name: "fast", count: 1, skills: [.operate(station: 0): 2])]
        let fastest = run(attendedStation(step: 600, pools: pools, choice: .mostQualified), until: 3601).report()
        XCTAssertEqual(fastest.stations[0].processedUnits, 12)
        XCTAssertEqual(fastest.workerPools[0].activityHours[0], 0)
        let first = run(attendedStation(step: 600, pools: pools, choice: .firstFree), until: 3601).report()
        XCTAssertEqual(first.stations[0].processedUnits, 6)
        XCTAssertEqual(first.workerPools[1].activityHours[0], 0)
        let spread = run(attendedStation(step: 600, pools: pools, choice: .leastBusy), until: 3600).report()
        XCTAssertGreaterThan(spread.workerPools[0].activityHours[0], 0)
        XCTAssertGreaterThan(spread.workerPools[1].activityHours[0], 0)
    }

    /// Two machines but one operator: only one machine works at a time; the other waits
    /// (starved), and is never counted as idle with work waiting.
    func testOneOperatorForTwoMachines() {
        let pool = WorkerPoolSpec(name: "op", count: 1, skills: [.operate(station: 0): 1])
        let report = run(attendedStation(machines: 2, step: 600, pools: [pool]), until: 10 * 3600 + 1).report()
        let busy = report.stations[0].utilisation * report.period * 2
        XCTAssertEqual(report.stations[0].processedUnits, 60)
        XCTAssertEqual(busy, 10 * 3600, accuracy: 1e-6)
        XCTAssertEqual(report.stations[0].stateShares[MachineState.starved.rawValue] * report.period * 2, 10 * 3600 - 1,
                       accuracy: 1e-6,
                       "the second machine waits for the operator from the second part's arrival (t = 2 s) on")
        XCTAssertEqual(report.workerPools[0].activityHours[0], 10, accuracy: 1e-9)
    }
}
