import CHDF5
import Foundation
import TaktFactory
import TaktKernel
import TaktRecording
import TaktScenario
import XCTest

/// The quality tables (`process`, `inspections` observable; `defect_truth` hidden) and their
/// lookups: a line with two recipes, a logistic defect model and two inspections runs with
/// everything recorded, slice by slice; the file is read back through the HDF5 C API and its row
/// counts checked against the model's own statistics.
final class QualityTablesTests: XCTestCase {
    static let yaml = """
        name: Quality recording test
        run: {seed: 11, replications: 2, duration: 3 d}
        defect_classes: [porosity, crack]
        stations:
          clean: {machines: 1}
          weld: {machines: 2}
          camera: {machines: 1}
          audit: {machines: 1}
        products:
          cell:
            routing:
              - name: wash
                station: clean
                time: "uniform(min: 20 s, max: 30 s)"
                recipe:
                  temperature: {setpoint: 60, noise: 1.5, range: [40, 80], unit: degC}
              - name: weld
                station: weld
                time: "lognormal(mean: 40 s, sd: 5 s)"
                recipe:
                  current: {setpoint: 118, noise: 2, range: [100, 140], unit: A}
                  pressure: {setpoint: 2.4, noise: 0.08, range: [2.0, 3.0], unit: bar}
                defects:
                  intercept: -2.5
                  terms:
                    - {parameter: current, coefficient: 0.01, center: 126, power: 2}
                    - {parameter: pressure, coefficient: -2.0, center: 2.4}
                  classes: {porosity: 0.7, crack: 0.3}
              - name: image
                station: camera
                time: 5 s
                inspect:
                  method: vision
                  confusion:
                    good: {good: 0.97, porosity: 0.02, crack: 0.01}
                    porosity: {good: 0.08, porosity: 0.85, crack: 0.07}
                    crack: {good: 0.05, porosity: 0.1, crack: 0.85}
                  on_reject: {rework: weld}
              - name: final
                station: audit
                time: 20 s
                inspect: {method: vision, every: 5, sensitivity: 0.9, specificity: 0.99, on_reject: scrap}
        orders:
          - {name: cells, rate: 60 /h, product: cell}
        """

    /// What one replication logged and what its statistics say.
    struct Replication {
        var records = FactoryRecords()
        var slices = 0
        var quality: QualityStatistics?
    }

    /// The lookups as `HDF5Recorder.lookups(for:)` builds them (TaktRecording knows no configurations).
    static func lookups(_ configuration: FactoryConfiguration) -> ResultLookups {
        var operations: [(name: String, product: Int, step: Int)] = []
        var parameters: [(operation: Int, parameter: Int, name: String, unit: String, minimum: Double,
                          maximum: Double)] = []
        for (product, spec) in configuration.products.enumerated() {
            for (step, operation) in spec.routing.enumerated() {
                for (index, parameter) in operation.recipe.enumerated() {
                    parameters.append((operations.count, index, parameter.name, parameter.unit, parameter.minimum,
                                       parameter.maximum))
                }
                operations.append(("\(spec.name)/\(operation.name)", product, step))
            }
        }
        return ResultLookups(stations: configuration.stations.map { ($0.name, $0.machines) }, machines: [],
                             products: configuration.products.map(\.name), materials: [], timeseriesColumns: [],
                             timeseriesUnits: [], operations: operations, parameters: parameters,
                             defectClasses: configuration.defectClasses)
    }

    /// Writes both replications (rows slice by slice, as the experiment layer does) and returns
    /// the path, the configuration and what each replication logged.
    func write() throws -> (path: String, configuration: FactoryConfiguration, runs: [Replication]) {
        let scenario = try ScenarioLoader.parse(Self.yaml, file: "quality-test.yaml")
        guard case .factory(let configuration) = scenario.model
        else { throw TestFailure("the test scenario is a factory") }
        let path = temporaryPath("quality.h5")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let metadata = ResultMetadata(
            taktVersion: "9.9.9-test", gitCommit: "0123abc", scenarioName: "Quality recording test",
            scenarioFile: "quality-test.yaml",
            seed: 11, replications: 2, variant: "base", created: Date(), host: "test-host", sourceYAML: Self.yaml,
            resolvedJSON: "{}")
        let file = try ResultFile(path: path, metadata: metadata, lookups: Self.lookups(configuration))
        var runs: [Replication] = []
        for replication in 0..<2 {
            var logged = Replication()
            let model = FactoryModel(configuration, streams: RandomStreams(seed: 11).replication(replication),
                                     recording: .full(sampleInterval: 3600))
            var simulation = Simulation(model: model, limits: RunLimits(endTime: 3 * 86_400))
            func take(_ slice: FactoryRecords) throws {
                try file.appendOperations(slice.operations, variant: "base", replication: replication)
                try file.appendProcess(slice.process, variant: "base", replication: replication)
                try file.appendInspections(slice.inspections, variant: "base", replication: replication)
                try file.appendDefectTruth(slice.defects, variant: "base", replication: replication)
                logged.records.append(slice)
                logged.slices += 1
            }
            while simulation.run(maxEvents: 2_000) == .eventLimit { try take(simulation.model.takeRecords()) }
            simulation.finish()
            try take(simulation.model.takeRecords())
            logged.quality = simulation.model.statistics.quality
            try file.finishRun(variant: "base", replication: replication, kpis: [], seed: UInt64(replication),
                               eventsProcessed: 0,
                               simulatedSeconds: simulation.now, wallSeconds: 0, status: .complete)
            runs.append(logged)
        }
        try file.writeSummary(kpis: [], intervals: [])
        try file.close(status: .complete, wallSeconds: 0, simulatedTimeReached: 3 * 86_400)
        return (path, configuration, runs)
    }

    func testRowCountsMatchTheModelsStatistics() throws {
        let (path, configuration, runs) = try write()
        let reader = try HDF5TestReader(path)
        let routing = configuration.products[0].routing
        for (replication, logged) in runs.enumerated() {
            let run = "/runs/base/\(replication)"
            let quality = try XCTUnwrap(logged.quality)
            XCTAssertGreaterThan(logged.slices, 5, "rows arrive in many slices (each taken once)")
            XCTAssertGreaterThan(quality.inspected, 1_000)
            XCTAssertGreaterThan(quality.defectsMade, 100)
            XCTAssertGreaterThan(quality.rejected, 100)

            XCTAssertEqual(try reader.rows("\(run)/inspections"), quality.inspected)
            let verdicts = try reader.int32s("\(run)/inspections", "verdict")
            XCTAssertEqual(verdicts.filter { $0 > 0 }.count, quality.rejected)
            XCTAssertEqual(Set(verdicts), [0, 1, 2], "passes and both defect classes")
            XCTAssertEqual(try reader.rows("\(run)/defect_truth"), quality.defectsMade)
            XCTAssertEqual(Set(try reader.int32s("\(run)/defect_truth", "defect_class")), [1, 2])

            // Executions of each operation are its Gantt rows (rework loops execute the weld again).
            let steps = try reader.int32s("\(run)/operations", "operation")
            let expected = routing.indices.reduce(0) { total, step in total + steps.filter { $0 == step }.count
                                                       * routing[step].recipe.count }
            XCTAssertGreaterThan(steps.filter { $0 == 1 }.count, steps.filter { $0 == 0 }.count,
                                 "rejected cells were welded again")
            XCTAssertEqual(try reader.rows("\(run)/process"), expected)
            XCTAssertEqual(try reader.rows("\(run)/process"), logged.records.process.count)
        }
    }

    func testValuesLookupsAndAttributesRoundTrip() throws {
        let (path, _, runs) = try write()
        let reader = try HDF5TestReader(path)
        let run = "/runs/base/1", records = runs[1].records
        XCTAssertEqual(try reader.memberNames("\(run)/process"), ["time", "job", "operation", "parameter", "value"])
        XCTAssertEqual(try reader.memberNames("\(run)/inspections"), ["time", "job", "operation", "verdict"])
        XCTAssertEqual(try reader.memberNames("\(run)/defect_truth"), ["time", "job", "defect_class"])
        XCTAssertEqual(try reader.doubles("\(run)/process", "time"), records.process.map(\.time))
        XCTAssertEqual(try reader.int64s("\(run)/process", "job"), records.process.map(\.job))
        XCTAssertEqual(try reader.int32s("\(run)/process", "operation"), records.process.map(\.operation))
        XCTAssertEqual(try reader.int32s("\(run)/process", "parameter"), records.process.map(\.parameter))
        XCTAssertEqual(try reader.doubles("\(run)/process", "value"), records.process.map(\.value))
        XCTAssertEqual(Set(try reader.int32s("\(run)/process", "operation")), [0, 1], "wash and weld have recipes")
        XCTAssertEqual(try reader.doubles("\(run)/inspections", "time"), records.inspections.map(\.time))
        XCTAssertEqual(try reader.int64s("\(run)/inspections", "job"), records.inspections.map(\.job))
        XCTAssertEqual(try reader.int32s("\(run)/inspections", "operation"), records.inspections.map(\.operation))
        XCTAssertEqual(Set(try reader.int32s("\(run)/inspections", "operation")), [2, 3])
        XCTAssertEqual(try reader.int32s("\(run)/inspections", "verdict"), records.inspections.map(\.verdict))
        XCTAssertEqual(try reader.doubles("\(run)/defect_truth", "time"), records.defects.map(\.time))
        XCTAssertEqual(try reader.int64s("\(run)/defect_truth", "job"), records.defects.map(\.job))
        XCTAssertEqual(try reader.int32s("\(run)/defect_truth", "defect_class"), records.defects.map(\.defectClass))
        XCTAssertEqual(try reader.storedRowSize("\(run)/process"), 8 + 8 + 4 + 4 + 8, "packed")

        XCTAssertEqual(try reader.strings("/lookup/operations", "name"),
                       ["cell/wash", "cell/weld", "cell/image", "cell/final"])
        XCTAssertEqual(try reader.int32s("/lookup/operations", "product"), [0, 0, 0, 0])
        XCTAssertEqual(try reader.int32s("/lookup/operations", "step"), [0, 1, 2, 3])
        XCTAssertEqual(try reader.int32s("/lookup/parameters", "operation"), [0, 1, 1])
        XCTAssertEqual(try reader.int32s("/lookup/parameters", "parameter"), [0, 0, 1])
        XCTAssertEqual(try reader.strings("/lookup/parameters", "name"), ["temperature", "current", "pressure"])
        XCTAssertEqual(try reader.strings("/lookup/parameters", "unit"), ["degC", "A", "bar"])
        XCTAssertEqual(try reader.doubles("/lookup/parameters", "minimum"), [40, 100, 2.0])
        XCTAssertEqual(try reader.doubles("/lookup/parameters", "maximum"), [80, 140, 3.0])
        XCTAssertEqual(try reader.int32s("/lookup/defect_classes", "value"), [0, 1, 2])
        XCTAssertEqual(try reader.strings("/lookup/defect_classes", "name"), ["pass", "porosity", "crack"])

        for table in ["process", "inspections", "defect_truth"].map({ "\(run)/\($0)" })
            + ["/lookup/operations", "/lookup/parameters", "/lookup/defect_classes"] {
            XCTAssertFalse(try reader.stringAttribute(table, "description").isEmpty, table)
            let units = try reader.stringAttribute(table, "units")
            XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(units.utf8)) as? [String: String],
                            "\(table) units: \(units)")
        }
        XCTAssertTrue(try reader.stringAttribute("\(run)/defect_truth", "description")
                      .hasPrefix("hidden truth, not observable"))
        XCTAssertTrue(try reader.stringAttribute("\(run)/process", "description").contains("(observable)"))
        XCTAssertTrue(try reader.stringAttribute("\(run)/inspections", "description").contains("(observable)"))
        for table in ["process", "inspections", "defect_truth"] {
            XCTAssertEqual(try reader.storage("\(run)/\(table)").chunk, [32_768], table)
        }

        let summary = try ResultFileInspector.summary(path: path)
        XCTAssertTrue(summary.contains("process \(records.process.count), inspections \(records.inspections.count), "
                                       + "defect_truth \(records.defects.count)"), summary)
    }
}
