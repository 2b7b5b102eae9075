import Foundation
import TaktFactory
import TaktRecording
import TaktScenario

/// Records an experiment into one HDF5 result file (docs/hdf5-layout.md): the rows each
/// replication logs, its KPIs, and the summary across replications.
public final class HDF5Recorder: ExperimentRecorder, @unchecked Sendable {
    let file: ResultFile
    let variant: String
    let started = Date()

    /// Creates the file at `path` (written as `path.partial` until closed).
    /// - Parameter replacing: replace an existing `path` when the file is closed (`--force`).
    /// - Throws: if `path` exists and `replacing` is false, or HDF5 fails.
    public init(path: String, scenario: Scenario, seed: UInt64, replications: Int, taktVersion: String,
                gitCommit: String,
                compress: Bool = true, replacing: Bool = false) throws {
        variant = scenario.variant ?? "base"
        var metadata = ResultMetadata(
            taktVersion: taktVersion, gitCommit: gitCommit, scenarioName: scenario.name, scenarioFile: scenario.file,
            seed: seed, replications: replications, variant: variant, created: Date(),
            host: ProcessInfo.processInfo.hostName, sourceYAML: scenario.sourceText,
            resolvedJSON: scenario.resolvedJSON)
        metadata.startTime = scenario.start?.isoText
        file = try ResultFile(path: path, metadata: metadata, lookups: HDF5Recorder.lookups(for: scenario),
                              compress: compress,
                              replacing: replacing)
    }

    /// Records one variant into a file that another object owns and closes (a comparison).
    init(file: ResultFile, variant: String) {
        self.file = file
        self.variant = variant
    }

    /// The file's final path, and the temporary one used until it is closed.
    public var finalPath: String { file.finalPath }
    public var partialPath: String { file.partialPath }
    /// After a failure: where the partial results are, and whether the file could be finished.
    public var keptPartialNote: String { file.keptPartialNote }

    public func record(_ records: FactoryRecords, replication: Int) throws {
        if !records.events.isEmpty { try file.appendEvents(records.events, variant: variant, replication: replication) }
        if !records.operations.isEmpty {
            try file.appendOperations(records.operations, variant: variant, replication: replication)
        }
        if !records.jobs.isEmpty { try file.appendJobs(records.jobs, variant: variant, replication: replication) }
        if !records.states.isEmpty { try file.appendStates(records.states, variant: variant, replication: replication) }
        if !records.samples.isEmpty {
            try file.appendSamples(records.samples, variant: variant, replication: replication)
        }
        if !records.sensors.isEmpty {
            try file.appendSensors(records.sensors, variant: variant, replication: replication)
        }
        if !records.truth.isEmpty { try file.appendTruth(records.truth, variant: variant, replication: replication) }
        if !records.process.isEmpty {
            try file.appendProcess(records.process, variant: variant, replication: replication)
        }
        if !records.inspections.isEmpty {
            try file.appendInspections(records.inspections, variant: variant, replication: replication)
        }
        if !records.defects.isEmpty {
            try file.appendDefectTruth(records.defects, variant: variant, replication: replication)
        }
        if !records.vision.isEmpty { try file.appendVision(records.vision, variant: variant, replication: replication) }
        if !records.visionTruth.isEmpty {
            try file.appendVisionTruth(records.visionTruth, variant: variant, replication: replication)
        }
    }

    public func finishReplication(_ result: ReplicationResult) throws {
        try file.finishRun(variant: variant, replication: result.replication,
                           kpis: result.kpis.map { ResultKPI(name: $0.name, label: $0.label, unit: $0.unit,
                                                             value: $0.value) },
                           seed: result.seed, eventsProcessed: result.events, simulatedSeconds: result.simulatedSeconds,
                           wallSeconds: result.wallSeconds, status: result.interrupted ? .interrupted : .complete)
    }

    public func finishExperiment(_ result: ExperimentResult) throws {
        let (rows, intervals) = HDF5Recorder.summaryRows(result.results, summaries: result.summaries, variant: variant)
        try file.writeSummary(kpis: rows, intervals: intervals)
        try file.close(status: result.interrupted ? .interrupted : .complete,
                       wallSeconds: Date().timeIntervalSince(started),
                       simulatedTimeReached: result.results.map(\.simulatedSeconds).max() ?? 0)
    }

    /// Closes the file as failed (it stays `.partial`), after an error.
    public func abandon() {
        try? file.close(status: .failed, wallSeconds: Date().timeIntervalSince(started), simulatedTimeReached: 0)
    }

    /// The rows of /summary/kpis and /summary/intervals for one variant's replications.
    static func summaryRows(_ results: [ReplicationResult], summaries: [KPISummary], variant: String)
        -> (kpis: [SummaryKPIRow], intervals: [SummaryIntervalRow]) {
        let rows = results.flatMap { replication in
            replication.kpis.map { SummaryKPIRow(variant: variant, replication: replication.replication, kpi: $0.name,
                                                 unit: $0.unit, value: $0.value) }
        }
        let intervals = summaries.map { summary in
            SummaryIntervalRow(variant: variant, kpi: summary.name, unit: summary.unit, mean: summary.interval.mean,
                               halfWidth: summary.interval.halfWidth.isFinite ? summary.interval.halfWidth : .nan,
                               lower: summary.interval.halfWidth.isFinite ? summary.interval.lower : .nan,
                               upper: summary.interval.halfWidth.isFinite ? summary.interval.upper : .nan,
                               level: summary.interval.level, n: summary.interval.count)
        }
        return (rows, intervals)
    }

    static func lookups(for scenario: Scenario) -> ResultLookups {
        guard case .factory(let configuration) = scenario.model else {
            return ResultLookups(stations: [], machines: [], products: [], materials: [], timeseriesColumns: [],
                                 timeseriesUnits: [])
        }
        let machines = MachineNames.of(configuration)
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
        return ResultLookups(
            stations: configuration.stations.map { ($0.name, $0.machines) }, machines: machines,
            products: configuration.products.map(\.name), materials: configuration.materials.map(\.name),
            timeseriesColumns: configuration.timeseriesColumns, timeseriesUnits: configuration.timeseriesUnits,
            sensors: configuration.sensors.map { "\($0.name)@\(configuration.stations[$0.station].name)" },
            operations: operations, parameters: parameters, defectClasses: configuration.defectClasses)
    }
}
