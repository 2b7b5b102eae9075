import TaktFactory
import TaktKernel
import XCTest

/// What a factory run logs, and that logging changes nothing about the run.
final class RecordingTests: XCTestCase {
    func flowLine() -> FactoryConfiguration { Factories.flowLine() }

    func run(_ recording: RecordingOptions, end: Double = 100_000, slice: Int = 5_000) -> (FactoryReport,
                                                                                           FactoryRecords, [String]) {
        var simulation = Simulation(model: FactoryModel(flowLine(), streams: RandomStreams(seed: 3),
                                                        recording: recording),
                                    limits: RunLimits(endTime: end))
        var all = FactoryRecords()
        while simulation.run(maxEvents: slice) == .eventLimit { append(simulation.model.takeRecords(), to: &all) }
        simulation.finish()
        append(simulation.model.takeRecords(), to: &all)
        return (simulation.model.report(), all, simulation.model.timeseriesColumns)
    }

    func append(_ records: FactoryRecords, to all: inout FactoryRecords) {
        all.events += records.events
        all.operations += records.operations
        all.jobs += records.jobs
        all.states += records.states
        all.samples += records.samples
    }

    /// Recording everything leaves every KPI bit-identical (it draws no random numbers and
    /// schedules nothing the model reacts to).
    func testRecordingDoesNotChangeTheRun() {
        let (plain, records, _) = run(RecordingOptions())
        let (recorded, _, _) = run(.full(sampleInterval: 600))
        XCTAssertTrue(records.isEmpty)
        XCTAssertEqual(plain.flowTimeMean.bitPattern, recorded.flowTimeMean.bitPattern)
        XCTAssertEqual(plain.finishedJobs, recorded.finishedJobs)
        XCTAssertEqual(plain.stations.map(\.utilisation), recorded.stations.map(\.utilisation))
    }

    /// The tables agree with each other and with the report.
    func testTablesAreConsistent() {
        let (report, records, columns) = run(.full(sampleInterval: 600))
        let kinds = Dictionary(grouping: records.events, by: \.kind).mapValues(\.count)
        XCTAssertEqual(kinds[EventKind.processEnd.rawValue], records.operations.count)
        XCTAssertEqual(kinds[EventKind.jobFinished.rawValue], report.finishedJobs)
        XCTAssertEqual(kinds[EventKind.jobScrapped.rawValue] ?? 0, report.scrappedJobs)
        XCTAssertEqual(kinds[EventKind.failure.rawValue], report.stations.map(\.failures).reduce(0, +))
        XCTAssertEqual(records.jobs.count, report.finishedJobs + report.scrappedJobs)
        XCTAssertEqual(records.jobs.filter { $0.outcome == JobOutcome.scrapped.rawValue }.count, report.scrappedJobs)
        XCTAssertTrue(zip(records.events, records.events.dropFirst()).allSatisfy { $0.time <= $1.time },
                      "events in time order")
        for job in records.jobs {
            XCTAssertLessThanOrEqual(job.arrival, job.release)
            XCTAssertLessThanOrEqual(job.release, job.start)
            XCTAssertLessThanOrEqual(job.start, job.finish)
        }
        // every machine's state intervals tile [0, end] without gaps or overlaps
        let byMachine = Dictionary(grouping: records.states, by: \.machine)
        XCTAssertEqual(byMachine.count, 4)
        for (_, intervals) in byMachine {
            XCTAssertEqual(intervals.first?.start, 0)
            XCTAssertEqual(intervals.last?.end, 100_000)
            XCTAssertTrue(zip(intervals, intervals.dropFirst()).allSatisfy { $0.end == $1.start })
        }
        let busy = records.states.filter { $0.machine == 0 && $0.state == UInt8(MachineState.busy.rawValue) }
            .reduce(0.0) { $0 + $1.end - $1.start }
        XCTAssertEqual(busy / 100_000, report.stations[0].utilisation, accuracy: 1e-12)
        // time series: one row every 10 minutes, WIP never negative
        XCTAssertEqual(records.samples.count % columns.count, 0)
        let rows = records.samples.count / columns.count
        XCTAssertEqual(rows, 100_000 / 600 + 1)
        XCTAssertTrue((0..<rows).allSatisfy { records.samples[$0 * columns.count + 1] >= 0 })
    }

    /// Only the selected event kinds are logged.
    func testEventSelection() {
        let (_, records, _) = run(RecordingOptions(events: .kinds([.failure, .repairEnd])))
        XCTAssertFalse(records.events.isEmpty)
        XCTAssertTrue(records.events.allSatisfy { $0.kind == EventKind.failure.rawValue
            || $0.kind == EventKind.repairEnd.rawValue })
        XCTAssertTrue(records.operations.isEmpty && records.jobs.isEmpty && records.states.isEmpty)
    }
}
