import Foundation
import TaktExperiments
import TaktScenario

/// Writes the Gantt chart of an experiment's replication 0, atomically (temporary file, then
/// rename), so a failed run never leaves a half-written chart.
enum GanttFile {
    static func write(_ result: ExperimentResult, scenario: Scenario, to path: String) throws {
        guard case .factory(let configuration) = scenario.model, let rows = result.gantt else {
            throw InputError(message: "--gantt needs a factory scenario or a job-shop instance")
        }
        let title = "\(scenario.name)\(scenario.variant.map { " — variant \($0)" } ?? ""), replication 0, seed \(result.seed)"
        let svg = GanttChart.svg(rows, configuration: configuration, title: title)
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try Data(svg.utf8).write(to: temporary)
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(message: "cannot write the Gantt chart to \(path): \(error.localizedDescription)")
        }
    }
}
