import Foundation
import TaktRecording
import TaktScenario

/// Records a comparison into one HDF5 result file (docs/hdf5-layout.md): every variant's runs
/// under `/runs/<variant>/<r>` as `takt run` records them, each variant's lookups, the KPIs and
/// intervals of all variants in `/summary`, and the paired differences in `/summary/comparison`.
public final class ComparisonRecorder: @unchecked Sendable {
    let file: ResultFile
    let started = Date()

    /// Creates the file at `path` (written as `path.partial` until closed) for `comparison`.
    /// - Parameter replacing: replace an existing `path` when the file is closed (`--force`).
    /// - Throws: if `path` exists and `replacing` is false, or HDF5 fails.
    public init(path: String, comparison: Comparison, taktVersion: String, gitCommit: String, compress: Bool = true,
                replacing: Bool = false) throws {
        let scenarios = comparison.preparedScenarios
        let names = comparison.variantNames
        let reference = scenarios[0]
        var metadata = ResultMetadata(
            taktVersion: taktVersion, gitCommit: gitCommit, scenarioName: reference.name, scenarioFile: reference.file,
            seed: comparison.seed, replications: comparison.replications, variant: names.joined(separator: ","),
            created: Date(), host: ProcessInfo.processInfo.hostName, sourceYAML: reference.sourceText,
            resolvedJSON: reference.resolvedJSON)
        metadata.startTime = reference.start?.isoText
        let variants = zip(names, scenarios).map { name, scenario in
            ResultVariant(name: name, lookups: HDF5Recorder.lookups(for: scenario), resolvedJSON: scenario.resolvedJSON)
        }
        file = try ResultFile(path: path, metadata: metadata, lookups: HDF5Recorder.lookups(for: reference),
                              compress: compress, variants: variants, replacing: replacing)
    }

    /// The file's final path, and the temporary one used until it is closed.
    public var finalPath: String { file.finalPath }
    public var partialPath: String { file.partialPath }
    /// After a failure: where the partial results are, and whether the file could be finished.
    public var keptPartialNote: String { file.keptPartialNote }

    /// The recorder of one variant's replications.
    func recorder(for variant: String) -> HDF5Recorder {
        HDF5Recorder(file: file, variant: variant)
    }

    /// Writes the summaries and the comparison table, then closes the file.
    public func finish(_ result: ComparisonOutcome) throws {
        var kpis: [SummaryKPIRow] = []
        var intervals: [SummaryIntervalRow] = []
        for variant in result.variants {
            let rows = HDF5Recorder.summaryRows(variant.results, summaries: variant.summaries, variant: variant.name)
            kpis += rows.kpis
            intervals += rows.intervals
        }
        try file.writeSummary(kpis: kpis, intervals: intervals)
        let rows = result.differences.map {
            SummaryComparisonRow(kpi: $0.kpi, unit: $0.unit, variantA: $0.variantA, variantB: $0.variantB,
                                 meanA: $0.meanA, halfWidthA: $0.halfWidthA, meanB: $0.meanB, halfWidthB: $0.halfWidthB,
                                 difference: $0.difference, differenceHalfWidth: $0.differenceHalfWidth,
                                 relativeChange: $0.relativeChange ?? .nan, significant: $0.significant, n: $0.n,
                                 level: $0.level)
        }
        try file.writeComparison(rows, variants: result.variants.map(\.name), streams: result.streams.rawValue,
                                 warmUp: result.warmUp)
        let reached = result.variants.flatMap(\.results).map(\.simulatedSeconds).max() ?? 0
        try file.close(status: result.interrupted ? .interrupted : .complete,
                       wallSeconds: Date().timeIntervalSince(started),
                       simulatedTimeReached: reached)
    }

    /// Closes the file as failed (it stays `.partial`), after an error.
    public func abandon() {
        try? file.close(status: .failed, wallSeconds: Date().timeIntervalSince(started), simulatedTimeReached: 0)
    }
}
