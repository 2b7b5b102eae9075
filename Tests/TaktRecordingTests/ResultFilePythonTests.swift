import Foundation
import TaktFactory
import TaktRecording
import XCTest

/// The analyst's side: h5py reads the file the writer made, with the column names, enum mappings
/// (`h5py.check_enum_dtype`) and values the Swift side wrote. Skipped where h5py is not installed.
final class ResultFilePythonTests: XCTestCase {
    func testH5pyReadsColumnsEnumsAndValues() throws {
        try XCTSkipUnless(python(["-c", "import h5py, pandas"]).status == 0,
                          "python3 with h5py and pandas is not installed")
        let written = try WrittenResultFile.write()
        let directory = (written.path as NSString).deletingLastPathComponent
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        let expectedPath = directory + "/expected.json"
        try JSONSerialization.data(withJSONObject: expected(written)).write(to: URL(fileURLWithPath: expectedPath))
        let result = try python(["-c", Self.script, written.path, expectedPath])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("h5py round trip ok"), result.output)
    }

    /// What the script compares against (finite values only: JSON has no NaN or infinity).
    func expected(_ written: WrittenResultFile) -> [String: Any] {
        let events = written.records[1].events
        return [
            "events": ["count": events.count, "time": events.map(\.time), "kind": events.map { Int($0.kind) },
                       "job": events.map(\.job), "machine": events.map(\.machine), "value": events.map(\.value)],
            "process_ends": events.filter { $0.kind == EventKind.processEnd.rawValue }.count,
            "event_kinds": Dictionary(uniqueKeysWithValues: EventKind.allCases.map { ($0.name, Int($0.rawValue)) }),
            "machine_states": Dictionary(uniqueKeysWithValues: MachineState.allCases.map { ($0.name, $0.rawValue) }),
            "job_outcomes": Dictionary(uniqueKeysWithValues: JobOutcome.allCases.map { ($0.name, Int($0.rawValue)) }),
            "states": written.records[1].states.map { Int($0.state) },
            "operations_end": written.records[1].operations.map(\.end),
            "columns": written.run.timeseriesColumns,
            "samples": written.records[0].samples,
            "machines": ["saw/0", "saw/1", "mill/0", "inspect/0"],
            "sensor_values": WrittenResultFile.sensors(0).dropFirst().prefix(98).map(\.value),
            "yaml": RecordedRun.yaml,
            "resolved_json": WrittenResultFile.metadata.resolvedJSON,
        ]
    }

    static let script = #"""
        import json, sys
        import h5py, numpy as np, pandas as pd
        path, expected_path = sys.argv[1], sys.argv[2]
        with open(expected_path, encoding="utf-8") as handle:
            exp = json.load(handle)
        text = lambda x: x.decode() if isinstance(x, bytes) else x
        with h5py.File(path, "r") as f:
            a = f.attrs
            assert a["format_version"] == "1.2" and a["completion_status"] == "complete", dict(a)
            assert a["seed"] == 7 and a["seed"].dtype == np.uint64, repr(a["seed"])
            assert a["replications"] == 2 and a["variant"] == "base"
            events = f["runs/base/1/events"]
            assert events.dtype.names == ("time", "kind", "job", "product", "machine", "station", "worker", "material",
                                          "parameter", "value"), events.dtype.names
            kinds = h5py.check_enum_dtype(events.dtype["kind"])
            assert kinds == exp["event_kinds"], kinds
            data = events[:]
            e = exp["events"]
            assert len(data) == e["count"] > 32768, len(data)
            for column in ("time", "kind", "job", "machine", "value"):
                np.testing.assert_array_equal(data[column], np.array(e[column]), err_msg=column)
            frame = pd.DataFrame(data)
            frame["kind"] = pd.Categorical.from_codes(frame["kind"], categories=sorted(kinds, key=kinds.get))
            assert (frame["kind"] == "process_end").sum() == exp["process_ends"]
            states = f["runs/base/1/states"]
            assert states.dtype.names == ("machine", "station", "state", "start", "end"), states.dtype.names
            assert h5py.check_enum_dtype(states.dtype["state"]) == exp["machine_states"]
            np.testing.assert_array_equal(states["state"], exp["states"])
            operations = f["runs/base/1/operations"]
            outcomes = {"next": 0, "finished": 1, "scrapped": 2, "rework": 3}
            assert h5py.check_enum_dtype(operations.dtype["outcome"]) == outcomes
            np.testing.assert_array_equal(operations["end"], exp["operations_end"])
            assert h5py.check_enum_dtype(f["runs/base/1/jobs"].dtype["outcome"]) == exp["job_outcomes"]
            series = f["runs/base/0/timeseries"]
            assert [text(c) for c in series.attrs["columns"]] == exp["columns"]
            assert series.shape[1] == len(exp["columns"])
            np.testing.assert_array_equal(series[:].ravel(), exp["samples"])
            sensors = f["runs/base/0/sensors"]["value"]
            assert np.isnan(sensors[0]) and np.isnan(sensors[100])
            np.testing.assert_array_equal(sensors[1:99], exp["sensor_values"])
            assert [text(n) for n in f["lookup/machines"]["name"]] == exp["machines"]
            assert f["scenario/source_yaml"].asstr()[()] == exp["yaml"]
            assert f["scenario/resolved_json"].asstr()[()] == exp["resolved_json"]
            intervals = pd.DataFrame(f["summary/intervals"][:])
            columns = ["variant", "kpi", "unit", "mean", "half_width", "lower", "upper", "level", "n"]
            assert list(intervals.columns) == columns
            assert intervals["mean"].tolist() == [5.5, 3.25] and np.isnan(intervals["half_width"][1])
            assert [text(k) for k in intervals["kpi"]] == ["throughput", "wip_mean"]
            assert f["summary/kpis"].shape == (4,) and f["runs/base/0/kpis"].shape == (2,)
        print("h5py round trip ok:", len(data), "events")
        """#

    /// Runs `python3` with `arguments`; its exit status and combined output.
    func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
