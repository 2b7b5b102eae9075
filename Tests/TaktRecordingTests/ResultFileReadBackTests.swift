import CHDF5
import Foundation
import TaktFactory
import TaktRecording
import XCTest

/// A file written by two threads (two replications, every table, tens of thousands of events) is
/// read back through the HDF5 C API: row counts, values, enum names, attributes, storage.
final class ResultFileReadBackTests: XCTestCase {
    private static let shared = Locked<WrittenResultFile?>(nil)

    /// The file, written once for the whole class.
    func written() throws -> WrittenResultFile {
        if let file = Self.shared.value { return file }
        let file = try WrittenResultFile.write()
        Self.shared.update { $0 = file }
        return file
    }

    override class func tearDown() {
        if let file = shared.value {
            try? FileManager.default.removeItem(atPath: (file.path as NSString).deletingLastPathComponent)
        }
        super.tearDown()
    }

    func testEveryTableOfEveryRunHasItsRows() throws {
        let written = try written()
        XCTAssertFalse(FileManager.default.fileExists(atPath: written.path + ".partial"), "renamed on close")
        let reader = try HDF5TestReader(written.path)
        let columns = written.run.timeseriesColumns.count
        for replication in 0..<2 {
            let run = "/runs/base/\(replication)"
            let records = written.records[replication]
            XCTAssertGreaterThan(records.events.count, 32_768, "more than one chunk of events")
            XCTAssertEqual(try reader.rows("\(run)/events"), records.events.count)
            XCTAssertEqual(try reader.rows("\(run)/operations"), records.operations.count)
            XCTAssertEqual(try reader.rows("\(run)/jobs"), records.jobs.count)
            XCTAssertEqual(try reader.rows("\(run)/states"), records.states.count)
            XCTAssertEqual(try reader.shape("\(run)/timeseries"), [records.samples.count / columns, columns])
            XCTAssertEqual(try reader.rows("\(run)/sensors"), 1_500)
            XCTAssertEqual(try reader.rows("\(run)/truth"), 1_500)
            for table in ["process", "inspections", "defect_truth"] {
                XCTAssertEqual(try reader.rows("\(run)/\(table)"), 0,
                               "a line without quality still has its \(table) table")
            }
            XCTAssertEqual(try reader.rows("\(run)/kpis"), 2)
            for count in [records.operations.count, records.jobs.count, records.states.count,
                          records.samples.count / columns] {
                XCTAssertGreaterThan(count, 1_000, "a few thousand rows in every table")
            }
        }
    }

    func testEventsRoundTrip() throws {
        let written = try written()
        let reader = try HDF5TestReader(written.path)
        XCTAssertEqual(try reader.memberNames("/runs/base/0/events"),
                       ["time", "kind", "job", "product", "machine", "station", "worker", "material", "parameter",
                        "value"])
        for replication in 0..<2 {
            let path = "/runs/base/\(replication)/events", rows = written.records[replication].events
            XCTAssertTrue(same(try reader.doubles(path, "time"), rows.map(\.time)))
            XCTAssertEqual(try reader.uint8s(path, "kind"), rows.map(\.kind))
            XCTAssertEqual(try reader.int64s(path, "job"), rows.map(\.job))
            XCTAssertEqual(try reader.int32s(path, "product"), rows.map(\.product))
            XCTAssertEqual(try reader.int32s(path, "machine"), rows.map(\.machine))
            XCTAssertEqual(try reader.int32s(path, "station"), rows.map(\.station))
            XCTAssertEqual(try reader.int32s(path, "worker"), rows.map(\.worker))
            XCTAssertEqual(try reader.int32s(path, "material"), rows.map(\.material))
            XCTAssertEqual(try reader.int32s(path, "parameter"), rows.map(\.parameter))
            XCTAssertTrue(same(try reader.doubles(path, "value"), rows.map(\.value)))
        }
        XCTAssertEqual(Set(written.records[0].events.map(\.kind)).count,
                       Set(try reader.uint8s("/runs/base/0/events", "kind")).count)
    }

    func testOperationsJobsAndStatesRoundTrip() throws {
        let written = try written()
        let reader = try HDF5TestReader(written.path)
        let operations = written.records[1].operations, jobs = written.records[1].jobs, states = written.records[1]
            .states
        let run = "/runs/base/1"
        XCTAssertEqual(try reader.int64s("\(run)/operations", "job"), operations.map(\.job))
        XCTAssertEqual(try reader.int32s("\(run)/operations", "operation"), operations.map(\.operation))
        XCTAssertEqual(try reader.int32s("\(run)/operations", "machine"), operations.map(\.machine))
        XCTAssertEqual(Set(try reader.int32s("\(run)/operations", "worker")), [-1])
        XCTAssertTrue(same(try reader.doubles("\(run)/operations", "setup_start"), operations.map(\.setupStart)))
        XCTAssertTrue(same(try reader.doubles("\(run)/operations", "start"), operations.map(\.start)))
        XCTAssertTrue(same(try reader.doubles("\(run)/operations", "end"), operations.map(\.end)))
        XCTAssertEqual(try reader.uint8s("\(run)/operations", "outcome"), operations.map(\.outcome.rawValue))
        XCTAssertEqual(try reader.int64s("\(run)/jobs", "job"), jobs.map(\.job))
        XCTAssertEqual(try reader.int32s("\(run)/jobs", "product"), jobs.map(\.product))
        XCTAssertEqual(try reader.uint8s("\(run)/jobs", "outcome"), jobs.map(\.outcome))
        XCTAssertEqual(try reader.uint8s("\(run)/jobs", "is_order"), jobs.map(\.isOrder))
        XCTAssertTrue(same(try reader.doubles("\(run)/jobs", "due"), jobs.map(\.due)))
        XCTAssertTrue(same(try reader.doubles("\(run)/jobs", "tardiness"), jobs.map(\.tardiness)))
        XCTAssertTrue(try reader.doubles("\(run)/jobs", "due").contains(.infinity), "covers carry no due date")
        XCTAssertEqual(try reader.int32s("\(run)/states", "machine"), states.map(\.machine))
        XCTAssertEqual(try reader.uint8s("\(run)/states", "state"), states.map(\.state))
        XCTAssertTrue(same(try reader.doubles("\(run)/states", "start"), states.map(\.start)))
        XCTAssertTrue(same(try reader.doubles("\(run)/states", "end"), states.map(\.end)))
        XCTAssertTrue(try reader.uint8s("\(run)/states", "state").contains(UInt8(MachineState.down.rawValue)),
                      "the mill fails")
    }

    func testEnumColumnsCarryTheirNames() throws {
        let reader = try HDF5TestReader(try written().path)
        let kinds = Dictionary(uniqueKeysWithValues: EventKind.allCases.map { ($0.rawValue, $0.name) })
        XCTAssertEqual(try reader.enumMapping("/runs/base/0/events", "kind"), kinds)
        XCTAssertEqual(try reader.enumMapping("/runs/base/0/events", "kind")[6], "process_end")
        XCTAssertEqual(try reader.enumMapping("/runs/base/0/states", "state"),
                       Dictionary(uniqueKeysWithValues: MachineState.allCases.map { (UInt8($0.rawValue), $0.name) }))
        XCTAssertEqual(try reader.enumMapping("/runs/base/0/states", "state")[7], "off_shift")
        XCTAssertEqual(try reader.enumMapping("/runs/base/1/operations", "outcome"),
                       [0: "next", 1: "finished", 2: "scrapped", 3: "rework"])
        XCTAssertEqual(try reader.enumMapping("/runs/base/1/jobs", "outcome"), [0: "finished", 1: "scrapped"])
        XCTAssertEqual(try reader.strings("/lookup/event_kinds", "name"), EventKind.allCases.map(\.name))
        XCTAssertEqual(try reader.uint8s("/lookup/event_kinds", "value"), EventKind.allCases.map(\.rawValue))
        XCTAssertEqual(try reader.strings("/lookup/machine_states", "name"), MachineState.allCases.map(\.name))
    }

    func testTimeseriesSensorsAndTruth() throws {
        let written = try written()
        let reader = try HDF5TestReader(written.path)
        XCTAssertEqual(try reader.stringsAttribute("/runs/base/0/timeseries", "columns"), written.run.timeseriesColumns)
        XCTAssertEqual(written.run.timeseriesColumns.first, "time")
        XCTAssertTrue(same(try reader.matrix("/runs/base/0/timeseries"), written.records[0].samples))
        XCTAssertTrue(same(try reader.doubles("/runs/base/1/sensors", "value"),
                           WrittenResultFile.sensors(1).map(\.value)))
        XCTAssertTrue(try reader.doubles("/runs/base/1/sensors", "value")[0].isNaN, "a missing reading stays NaN")
        XCTAssertEqual(try reader.int32s("/runs/base/1/sensors", "sensor"), WrittenResultFile.sensors(1).map(\.sensor))
        XCTAssertTrue(same(try reader.doubles("/runs/base/1/truth", "wear"), WrittenResultFile.truth(1).map(\.wear)))
    }

    func testRootRunAndDatasetAttributes() throws {
        let reader = try HDF5TestReader(try written().path)
        let expected = ["format_version": "1.2", "completion_status": "complete", "takt_version": "9.9.9-test",
                        "git_commit": "0123abc",
                        "scenario_name": "Recording test line", "scenario_file": "recording-test.yaml",
                        "variant": "base",
                        "host": "test-host", "created": "2027-01-15T08:00:00Z"]
        for (name, value) in expected { XCTAssertEqual(try reader.stringAttribute("/", name), value, name) }
        XCTAssertEqual(try reader.attributeClass("/", "seed"), H5T_INTEGER)
        XCTAssertEqual(try reader.attribute("/", "seed", type: takt_h5t_native_uint64(), zero: UInt64(0)), 7)
        XCTAssertEqual(try reader.attribute("/", "replications", type: takt_h5t_native_int64(), zero: Int64(0)), 2)
        XCTAssertEqual(try reader.attribute("/", "wall_seconds", type: takt_h5t_native_double(), zero: 0.0), 1.5)
        XCTAssertEqual(try reader.attribute("/", "simulated_time_reached", type: takt_h5t_native_double(), zero: 0.0),
                       2_592_000)
        XCTAssertEqual(try reader.attribute("/runs/base/1", "seed", type: takt_h5t_native_uint64(), zero: UInt64(0)),
                       101)
        XCTAssertEqual(try reader.attribute("/runs/base/1", "events_processed", type: takt_h5t_native_int64(),
                                            zero: Int64(0)), 1_001)
        XCTAssertEqual(try reader.attribute("/runs/base/0", "simulated_seconds", type: takt_h5t_native_double(),
                                            zero: 0.0), 2_592_000)
        XCTAssertEqual(try reader.stringAttribute("/runs/base/0", "status"), "complete")
        let tables = ["events", "operations", "jobs", "states", "sensors", "truth", "kpis"].map { "/runs/base/0/\($0)" }
            + ["/lookup/stations", "/lookup/machines", "/summary/kpis", "/summary/intervals"]
        for table in tables {
            XCTAssertFalse(try reader.stringAttribute(table, "description").isEmpty, table)
            let units = try reader.stringAttribute(table, "units")
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(units.utf8)) as? [String: String],
                             "\(table) units: \(units)")
        }
        XCTAssertTrue(try reader.stringAttribute("/runs/base/0/events", "units").contains(#""time": "s""#))
    }

    func testScenarioLookupsAndSummary() throws {
        let written = try written()
        let reader = try HDF5TestReader(written.path)
        XCTAssertEqual(try reader.scalarString("/scenario/source_yaml"), RecordedRun.yaml)
        XCTAssertEqual(try reader.scalarString("/scenario/resolved_json"), WrittenResultFile.metadata.resolvedJSON,
                       "UTF-8 survives")
        XCTAssertEqual(try reader.strings("/lookup/stations", "name"), ["saw", "mill", "inspect"])
        XCTAssertEqual(try reader.int32s("/lookup/stations", "machines"), [2, 1, 1])
        XCTAssertEqual(try reader.strings("/lookup/machines", "name"), ["saw/0", "saw/1", "mill/0", "inspect/0"])
        XCTAssertEqual(try reader.int32s("/lookup/machines", "station"), [0, 0, 1, 2])
        XCTAssertEqual(try reader.strings("/lookup/products", "name"), ["housing", "cover"])
        XCTAssertEqual(try reader.strings("/lookup/materials", "name"), ["steel"])
        XCTAssertEqual(try reader.strings("/lookup/sensors", "name"), ["vibration@mill"])
        XCTAssertEqual(try reader.strings("/runs/base/0/kpis", "name"), ["throughput", "wip_mean"])
        XCTAssertEqual(try reader.doubles("/runs/base/0/kpis", "value"), [5.5, 3.25])
        XCTAssertEqual(try reader.memberNames("/summary/kpis"), ["variant", "replication", "kpi", "unit", "value"])
        XCTAssertEqual(try reader.int32s("/summary/kpis", "replication"), [0, 0, 1, 1])
        XCTAssertEqual(try reader.memberNames("/summary/intervals"),
                       ["variant", "kpi", "unit", "mean", "half_width", "lower", "upper", "level", "n"])
        XCTAssertEqual(try reader.strings("/summary/intervals", "kpi"), ["throughput", "wip_mean"])
        XCTAssertTrue(same(try reader.doubles("/summary/intervals", "half_width"), [0.25, .nan]))
    }

    func testStreamedTablesAreChunkedShuffledDeflatedAndPacked() throws {
        let written = try written()
        let reader = try HDF5TestReader(written.path)
        for table in ["events", "operations", "jobs", "states", "sensors", "truth"] {
            let storage = try reader.storage("/runs/base/0/\(table)")
            XCTAssertEqual(storage.filters, [H5Z_FILTER_SHUFFLE, H5Z_FILTER_DEFLATE], table)
            XCTAssertEqual(storage.chunk, [32_768], table)
        }
        XCTAssertEqual(try reader.storage("/runs/base/0/timeseries").chunk,
                       [4_096, written.run.timeseriesColumns.count])
        XCTAssertEqual(try reader.storedRowSize("/runs/base/0/events"), 8 + 1 + 8 + 6 * 4 + 8,
                       "packed: no padding on disk")
        XCTAssertLessThan(try reader.storedRowSize("/runs/base/0/events"), MemoryLayout<EventRow>.stride)
    }

    /// Equal element by element, NaN equal to NaN.
    func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}
