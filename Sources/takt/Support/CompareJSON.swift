import Foundation
import TaktExperiments

/// The JSON printed by `takt compare --json`: stable snake_case keys, sorted; undefined numbers
/// (half-widths with one replication, a relative change from 0) are null.
// swift-format-ignore: AlwaysUseLowerCamelCase
// The property names are the JSON keys, snake_case like every key Takt writes.
enum CompareJSON {
    struct Document: Encodable {
        var scenario: String
        var scenario_file: String
        /// A string: a 64-bit seed as a JSON number would be rounded by jq and JavaScript.
        var seed: String
        var replications: Int
        var confidence_level: Double
        var streams: String
        var warm_up_seconds: Double
        var variants: [Variant]
        var comparison: [Row]
        var events: Int
        var wall_seconds: Double
        var result_file: String?
        var interrupted: Bool
    }

    struct Variant: Encodable {
        var name: String
        /// A string: a 64-bit seed as a JSON number would be rounded by jq and JavaScript.
        var seed: String
        var kpis: [KPI]
        var runs: [RunJSON]
    }

    /// One KPI of one variant: mean over its replications, half-width, and the value of each
    /// replication (in `runs` order).
    struct KPI: Encodable {
        var name: String
        var label: String
        var unit: String
        var mean: Double?
        var half_width: Double?
        var values: [Double?]
    }

    /// One row of the comparison table (the same as /summary/comparison).
    struct Row: Encodable {
        var kpi: String
        var label: String
        var unit: String
        var variant_a: String
        var variant_b: String
        var mean_a: Double?
        var half_width_a: Double?
        var mean_b: Double?
        var half_width_b: Double?
        var difference: Double?
        var difference_half_width: Double?
        var relative_change: Double?
        var significant: Bool
        var n: Int
        var confidence_level: Double
    }

    static func encode(_ result: ComparisonOutcome, scenarioFile: String, resultFile: String?) throws -> String {
        let variants = result.variants.map { variant in
            Variant(name: variant.name, seed: String(variant.seed), kpis: variant.summaries.map { summary in
                KPI(name: summary.name, label: summary.label, unit: summary.unit, mean: finite(summary.interval.mean),
                    half_width: finite(summary.interval.halfWidth),
                    values: variant.results.map { run in finite(run.kpis.first { $0.name == summary.name }?.value) })
            }, runs: variant.results.map(RunJSON.init))
        }
        let rows = result.differences.map {
            Row(kpi: $0.kpi, label: $0.label, unit: $0.unit, variant_a: $0.variantA, variant_b: $0.variantB,
                mean_a: finite($0.meanA), half_width_a: finite($0.halfWidthA), mean_b: finite($0.meanB),
                half_width_b: finite($0.halfWidthB), difference: finite($0.difference),
                difference_half_width: finite($0.differenceHalfWidth), relative_change: finite($0.relativeChange),
                significant: $0.significant, n: $0.n, confidence_level: $0.level)
        }
        let document = Document(
            scenario: result.scenarioName, scenario_file: scenarioFile, seed: String(result.seed),
            replications: result.variants.map(\.results.count).max() ?? 0, confidence_level: result.level,
            streams: result.streams.rawValue, warm_up_seconds: result.warmUp, variants: variants, comparison: rows,
            events: result.events, wall_seconds: result.wallSeconds, result_file: resultFile,
            interrupted: result.interrupted)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }
}
