import Foundation
import TaktExperiments

/// The JSON printed by `takt run --json`: stable keys, for scripts.
// swift-format-ignore: AlwaysUseLowerCamelCase
// The property names are the JSON keys, snake_case like every key Takt writes.
enum ResultJSON {
    struct Document: Encodable {
        var scenario: String
        var scenario_file: String
        /// A string: a 64-bit seed as a JSON number would be rounded by jq and JavaScript.
        var seed: String
        var replications: Int
        var confidence_level: Double
        var kpis: [Summary]
        var runs: [RunJSON]
        var events: Int
        var wall_seconds: Double
        var result_file: String?
        var interrupted: Bool
    }

    struct Summary: Encodable {
        var name: String
        var label: String
        var unit: String
        var mean: Double
        var half_width: Double?
        var lower: Double?
        var upper: Double?
        var theory: Double?
        var values: [Double]
    }

    static func encode(_ result: ExperimentResult, scenarioFile: String, resultFile: String? = nil) throws -> String {
        let summaries = result.summaries.enumerated().map { index, summary in
            let finite = summary.interval.halfWidth.isFinite
            return Summary(name: summary.name, label: summary.label, unit: summary.unit, mean: summary.interval.mean,
                           half_width: finite ? summary.interval.halfWidth : nil,
                           lower: finite ? summary.interval.lower : nil, upper: finite ? summary.interval.upper : nil,
                           theory: summary.theory, values: result.results.map { $0.kpis[index].value })
        }
        let document = Document(
            scenario: result.scenarioName, scenario_file: scenarioFile, seed: String(result.seed),
            replications: result.results.count,
            confidence_level: result.summaries.first?.interval.level ?? 0.95,
            kpis: summaries, runs: result.results.map(RunJSON.init), events: result.events,
            wall_seconds: result.wallSeconds,
            result_file: resultFile, interrupted: result.interrupted)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
