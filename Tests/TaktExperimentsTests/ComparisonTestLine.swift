import TaktExperiments
import TaktScenario

/// The scenario the comparison tests run: a four-station line with finite buffers, breakdowns
/// (operating- and calendar-based), rework and scrap — a fixture of its own, so changes to the
/// shared examples never move these tests. Variants: `same` restates a base value (an overlay
/// that changes nothing), `faster_mill` shortens milling from 18 to 16 min on average.
enum ComparisonTestLine {
    static let yaml = """
        name: Comparison test line
        run: {seed: 1, replications: 10, duration: 20 d, warm_up: 2 d, confidence: 0.95}
        stations:
          saw: {buffer: 20}
          mill:
            machines: 2
            buffer: 5
            breakdowns:
              time_to_failure: "exponential(mean: 10 h)"
              repair: "lognormal(mean: 45 min, sd: 15 min)"
          drill:
            buffer: 5
            breakdowns:
              time_to_failure: "weibull(shape: 1.5, scale: 12 h)"
              basis: calendar
              repair: "uniform(min: 20 min, max: 40 min)"
          inspect: {buffer: 5}
        products:
          housing:
            routing:
              - {station: saw, time: "triangular(min: 6 min, mode: 8 min, max: 12 min)"}
              - {station: mill, time: "lognormal(mean: 18 min, sd: 4 min)", name: milling}
              - {station: drill, time: "gamma(shape: 4, mean: 7 min)"}
              - station: inspect
                time: "normal(mean: 6 min, sd: 1 min)"
                scrap: 0.01
                rework: {probability: 0.04, to: milling}
        orders:
          - {name: customers, rate: 5 /h, product: housing, due: 1 d}
        variants:
          same:
            stations: {saw: {buffer: 20}}
          faster_mill:
            products:
              housing:
                routing:
                  - {station: saw, time: "triangular(min: 6 min, mode: 8 min, max: 12 min)"}
                  - {station: mill, time: "lognormal(mean: 16 min, sd: 4 min)", name: milling}
                  - {station: drill, time: "gamma(shape: 4, mean: 7 min)"}
                  - station: inspect
                    time: "normal(mean: 6 min, sd: 1 min)"
                    scrap: 0.01
                    rework: {probability: 0.04, to: milling}
        """

    /// The base scenario.
    static func base() throws -> Scenario {
        try ScenarioLoader.parse(yaml, file: "comparison-test-line.yaml")
    }

    /// The named variants, loaded for a comparison.
    static func variants(_ names: [String]) throws -> [Scenario] {
        try ComparisonVariants.load(names, of: base())
    }
}
