import TaktKernel
import TaktScenario
import XCTest

final class QuantityTests: XCTestCase {
    func testDurations() throws {
        XCTAssertEqual(try Quantity.parseDuration("30 s").get(), 30)
        XCTAssertEqual(try Quantity.parseDuration("12 min").get(), 720)
        XCTAssertEqual(try Quantity.parseDuration("1.5 h").get(), 5400)
        XCTAssertEqual(try Quantity.parseDuration("2 d").get(), 172_800)
        XCTAssertEqual(try Quantity.parseDuration("250ms").get(), 0.25)
        XCTAssertEqual(try Quantity.parseDuration("1e3 s").get(), 1000)
        XCTAssertThrowsError(try Quantity.parseDuration("5").get())
        XCTAssertThrowsError(try Quantity.parseDuration("5 parsecs").get())
        XCTAssertThrowsError(try Quantity.parseDuration("min").get())
    }

    func testRates() throws {
        XCTAssertEqual(try Quantity.parseRate("4.5 /min").get(), 0.075, accuracy: 1e-15)
        XCTAssertEqual(try Quantity.parseRate("270 per h").get(), 0.075, accuracy: 1e-15)
        XCTAssertThrowsError(try Quantity.parseRate("4.5").get())
    }

    func testDistributionSyntax() throws {
        XCTAssertEqual(try DistributionSyntax.parse("exponential(mean: 5 min)", isDuration: true).get(),
                       .exponential(mean: 300))
        XCTAssertEqual(try DistributionSyntax.parse("exponential(mean=5 min)", isDuration: true).get(),
                       .exponential(mean: 300))
        XCTAssertEqual(try DistributionSyntax.parse("exponential(rate: 2 /min)", isDuration: true).get(),
                       .exponential(mean: 30))
        XCTAssertEqual(try DistributionSyntax.parse("lognormal(mean: 10 min, sd: 2 min)", isDuration: true).get(),
                       .lognormal(mean: 600, sd: 120))
        XCTAssertEqual(try DistributionSyntax.parse("45 s", isDuration: true).get(), .constant(45))
        XCTAssertEqual(try DistributionSyntax.parse("weibull(shape: 2, scale: 100 h)", isDuration: true).get(),
                       .weibull(shape: 2, scale: 360_000))
        XCTAssertEqual(try DistributionSyntax.parse("erlang(k: 3, mean: 6 s)", isDuration: true).get(),
                       .erlang(phases: 3, mean: 6))
        XCTAssertEqual(try DistributionSyntax.parse("gamma(shape: 2, mean: 10 s)", isDuration: true).get(),
                       .gamma(shape: 2, scale: 5))
        XCTAssertEqual(try DistributionSyntax.parse("discrete(values: [1 min, 2 min], weights: [3, 1])",
                                                    isDuration: true).get(),
                       .discrete(DiscreteTable(values: [60, 120], weights: [3, 1])))
        XCTAssertEqual(try DistributionSyntax.parse("uniform(min: 1, max: 3)", isDuration: false).get(),
                       .uniform(min: 1, max: 3))
        XCTAssertEqual(try DistributionSyntax.parse("bernoulli(p: 0.1)", isDuration: false).get(), .bernoulli(p: 0.1))
        XCTAssertThrowsError(try DistributionSyntax.parse("normal(mean: 5 min)", isDuration: true).get())
        XCTAssertThrowsError(try DistributionSyntax.parse("exponential(mean: 5 min", isDuration: true).get())
    }
}
