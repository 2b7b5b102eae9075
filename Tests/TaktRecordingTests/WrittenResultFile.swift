import Dispatch
import Foundation
import TaktFactory
import TaktRecording

/// A result file written the way `takt run` writes one: two replications of `RecordedRun` on two
/// threads at once, rows appended slice by slice, then KPIs, the summary and the close. Keeps every
/// row it wrote so tests can compare what they read back.
struct WrittenResultFile {
    let path: String
    let run: RecordedRun
    /// Every row of each replication, in the order written.
    let records: [FactoryRecords]
    static let kpis = [ResultKPI(name: "throughput", label: "Throughput", unit: "1/h", value: 5.5),
                       ResultKPI(name: "wip_mean", label: "WIP, mean", unit: "jobs", value: 3.25)]
    static let metadata = ResultMetadata(
        taktVersion: "9.9.9-test", gitCommit: "0123abc", scenarioName: "Recording test line",
        scenarioFile: "recording-test.yaml",
        seed: 7, replications: 2, variant: "base", created: Date(timeIntervalSince1970: 1_800_000_000),
        host: "test-host",
        sourceYAML: RecordedRun.yaml, resolvedJSON: #"{"name": "Recording test line", "größe": 1}"#)

    /// Sensor readings and wear truth are made here (the test line has no wear); every 100th reading is missing.
    static func sensors(_ replication: Int) -> [SensorReading] {
        (0..<1_500)
            .map { SensorReading(time: Double($0) * 60, machine: 2, sensor: 0,
                                 value: $0 % 100 == 0 ? .nan : Double($0 + replication) * 0.25) }
    }

    static func truth(_ replication: Int) -> [WearTruth] {
        (0..<1_500).map { WearTruth(time: Double($0) * 60, machine: 2, wear: Double($0) * 0.001 + Double(replication)) }
    }

    /// Writes the file at a fresh temporary path and closes it with `status`.
    static func write(status: CompletionStatus = .complete) throws -> WrittenResultFile {
        let path = temporaryPath("result.h5")
        let run = try RecordedRun()
        let file = try ResultFile(path: path, metadata: metadata, lookups: run.lookups)
        let collected = Locked<[FactoryRecords]>([FactoryRecords(), FactoryRecords()])
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { replication in
            do {
                try run.run(replication: replication) { slice in
                    try file.appendEvents(slice.events, variant: "base", replication: replication)
                    try file.appendOperations(slice.operations, variant: "base", replication: replication)
                    try file.appendJobs(slice.jobs, variant: "base", replication: replication)
                    try file.appendStates(slice.states, variant: "base", replication: replication)
                    try file.appendSamples(slice.samples, variant: "base", replication: replication)
                    collected.update { $0[replication].append(slice) }
                }
                try file.appendSensors(sensors(replication), variant: "base", replication: replication)
                try file.appendTruth(truth(replication), variant: "base", replication: replication)
                try file.finishRun(variant: "base", replication: replication, kpis: kpis,
                                   seed: UInt64(100 + replication),
                                   eventsProcessed: 1_000 + replication, simulatedSeconds: 2_592_000, wallSeconds: 0.5,
                                   status: .complete)
            } catch {
                failures.update { $0.append("replication \(replication): \(error)") }
            }
        }
        if let failure = failures.value.first { throw TestFailure(failure) }
        try file.writeSummary(
            kpis: (0..<2)
                .flatMap { r in kpis.map { SummaryKPIRow(variant: "base", replication: r, kpi: $0.name, unit: $0.unit,
                                                         value: $0.value) } },
            intervals: [SummaryIntervalRow(variant: "base", kpi: "throughput", unit: "1/h", mean: 5.5, halfWidth: 0.25,
                                           lower: 5.25,
                                           upper: 5.75, level: 0.95, n: 2),
                        SummaryIntervalRow(variant: "base", kpi: "wip_mean", unit: "jobs", mean: 3.25, halfWidth: .nan,
                                           lower: .nan,
                                           upper: .nan, level: 0.95, n: 2)])
        try file.close(status: status, wallSeconds: 1.5, simulatedTimeReached: 2_592_000)
        return WrittenResultFile(path: path, run: run, records: collected.value)
    }
}

extension FactoryRecords {
    /// Appends every row of `slice`.
    mutating func append(_ slice: FactoryRecords) {
        events += slice.events
        operations += slice.operations
        jobs += slice.jobs
        states += slice.states
        samples += slice.samples
        sensors += slice.sensors
        truth += slice.truth
        process += slice.process
        inspections += slice.inspections
        defects += slice.defects
    }
}

/// A value shared between threads behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func update(_ change: (inout Value) -> Void) { lock.lock(); defer { lock.unlock() }; change(&stored) }
}

/// A failure of the test set-up, with its message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A path in a fresh temporary directory.
func temporaryPath(_ name: String) -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("takt-recording-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent(name).path
}
