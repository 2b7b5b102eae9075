import TaktExperiments
import TaktScenario
import XCTest

/// Naming the variants of a comparison: `base`, defaults, and clear errors.
final class ComparisonVariantsTests: XCTestCase {
    func scenario(variants: [String]) throws -> Scenario {
        let overlays = variants.map { "  \($0):\n    queue: {servers: 3}" }.joined(separator: "\n")
        return try ScenarioLoader.parse("""
            name: q
            queue:
              servers: 2
              interarrival: "exponential(mean: 1 min)"
              service: "exponential(mean: 1.5 min)"
              customers: 1000
            variants:
            \(overlays)
            """, file: "q.yaml")
    }

    func testDefaults() throws {
        XCTAssertEqual(ComparisonVariants.defaults(for: try scenario(variants: ["third", "fourth"])), ["base", "third"])
        XCTAssertEqual(ComparisonVariants.defaults(for: try scenario(variants: ["ai", "baseline"])), ["baseline", "ai"])
        XCTAssertNil(ComparisonVariants.defaults(for: try scenario(variants: ["baseline"])))
        XCTAssertEqual(ComparisonVariants.available(in: try scenario(variants: ["x"])), ["base", "x"])
    }

    func testErrorsListTheAvailableVariants() throws {
        let base = try scenario(variants: ["baseline", "ai"])
        for (names, fragment) in [(["baseline", "a1"], "unknown variant 'a1'; did you mean 'ai'?"),
                                  (["ai", "ai"], "named twice"),
                                  (["ai"], "at least two")] {
            XCTAssertThrowsError(try ComparisonVariants.load(names, of: base)) { error in
                let message = (error as? ComparisonError)?.message ?? ""
                XCTAssertTrue(message.contains(fragment), message)
                XCTAssertTrue(message.contains("base, baseline, ai"), message)
            }
        }
    }

    func testLoadsEachVariant() throws {
        let loaded = try ComparisonVariants.load(["base", "ai"], of: try scenario(variants: ["baseline", "ai"]))
        XCTAssertEqual(loaded.map(\.variant), [nil, "ai"])
        XCTAssertEqual(Comparison(scenarios: loaded).variantNames, ["base", "ai"])
    }
}
