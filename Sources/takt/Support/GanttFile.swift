import Foundation
import TaktExperiments
import TaktScenario

/// Writes the Gantt chart of an experiment's replication 0, atomically (`OutputPath.write`), so
/// a failed run never leaves a half-written chart.
enum GanttFile {
    static func write(_ result: ExperimentResult, scenario: Scenario, to path: String) throws {
        guard case .factory(let configuration) = scenario.model, let rows = result.gantt else {
            throw InputError(message: "--gantt needs a factory scenario or a job-shop instance")
        }
        let title = "\(scenario.name)\(scenario.variant.map { " — variant \($0)" } ?? ""), replication 0, seed "
            + "\(result.seed)"
        let svg = GanttChart.svg(rows, intervals: result.ganttIntervals ?? [], configuration: configuration,
                                 title: title)
        try OutputPath.write(Data(svg.utf8), to: path, option: "--gantt")
    }
}
