import Foundation
import TaktFactory
import TaktKernel
import XCTest

/// Quality: the hidden defect state follows the declared logistic model, inspections classify
/// by their confusion matrix, sampling plans and routing of rejects work, escapes are counted.
final class QualityTests: XCTestCase {
    /// A one-machine weld station (recipe: current, pressure) followed by an inspection station;
    /// `count` parts arrive one per minute, and each is welded in 10 s.
    func weldLine(model: QualityModel, inspection: InspectionSpec?, count: Int,
                  noise: Double = 0) -> FactoryConfiguration {
        var weld = OperationSpec(name: "weld", stations: [0], processTime: .constant(10))
        weld.recipe = [RecipeParameter(name: "current", setpoint: 118, noiseSD: noise, minimum: 100, maximum: 140),
                       RecipeParameter(name: "pressure", setpoint: 2.4, noiseSD: 0, minimum: 2, maximum: 3)]
        weld.quality = model
        var routing = [weld]
        if let inspection {
            var inspect = OperationSpec(name: "inspect", stations: [1], processTime: .constant(1))
            inspect.inspection = inspection
            routing.append(inspect)
        }
        var configuration = FactoryConfiguration(
            stations: [StationSpec(name: "weld"), StationSpec(name: "inspect")],
            products: [ProductSpec(name: "cell", routing: routing)],
            orderSources: [OrderSourceSpec(name: "cells", arrivals: .renewal(interarrival: .constant(60), count: count,
                                                                             until: nil),
                                           mix: [(product: 0, weight: 1)])])
        configuration.defectClasses = ["porosity", "crack"]
        return configuration
    }

    func run(_ configuration: FactoryConfiguration, seed: UInt64 = 11) -> FactoryModel {
        var simulation = Simulation(model: FactoryModel(configuration, streams: RandomStreams(seed: seed)),
                                    limits: RunLimits())
        _ = simulation.run()
        simulation.finish()
        return simulation.takeModel()
    }

    /// |observed − p| within the 99.9% normal-approximation binomial bound for n trials.
    func assertBinomial(_ successes: Int, _ n: Int, _ p: Double, _ what: String, file: StaticString = #filePath,
                        line: UInt = #line) {
        let bound = 3.29 * (p * (1 - p) / Double(n)).squareRoot()
        XCTAssertEqual(Double(successes) / Double(n), p, accuracy: bound, "\(what): \(successes)/\(n) vs p = \(p)",
                       file: file, line: line)
    }

    /// With every part inspected perfectly, the rejected share is the model's probability:
    /// p = σ(−3.5 + 0.01·(118 − 126)² − 2·(2.4 − 2.4)) = σ(−2.86) = 0.05419.
    func testObservedDefectRateMatchesTheModel() {
        let model = QualityModel(intercept: -3.5, terms: [
            QualityTerm(input: .parameter(0), coefficient: 0.01, center: 126, power: 2),
            QualityTerm(input: .parameter(1), coefficient: -2, center: 2.4),
        ])
        let perfect = InspectionSpec(confusion: [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        let n = 40_000
        let statistics = run(weldLine(model: model, inspection: perfect, count: n)).statistics.quality
        let p = 1 / (1 + exp(2.86))
        XCTAssertEqual(statistics.inspected, n)
        assertBinomial(statistics.rejected, n, p, "rejected share")
        XCTAssertEqual(statistics.rejected, statistics.defectsMade, "a perfect inspection finds every defect")
        XCTAssertEqual(statistics.falseRejects + statistics.falseAccepts, 0)
        XCTAssertEqual(statistics.escapedDefects, 0)
        // classes: porosity (k = 1) gets the model's whole share by default
        XCTAssertEqual(statistics.confusion[1][1 * 3 + 1], statistics.rejected)
    }

    /// With noise on the current, the defect probability is E[σ(η(X))] over X ~ N(118, 4²):
    /// computed here by quadrature (Simpson's rule over ±8 sd), independently of the simulator.
    func testParameterNoiseAveragesTheProbability() {
        let model = QualityModel(intercept: -3.5, terms: [QualityTerm(input: .parameter(0), coefficient: 0.01,
                                                                      center: 126, power: 2)])
        let n = 40_000
        let statistics = run(weldLine(model: model, inspection: nil, count: n, noise: 4)).statistics.quality
        let steps = 2000, low = 118.0 - 32, high = 118.0 + 32, h = (high - low) / Double(steps)
        var integral = 0.0
        for i in 0...steps {
            let x = low + Double(i) * h
            let density = exp(-0.5 * pow((x - 118) / 4, 2)) / (4 * (2 * Double.pi).squareRoot())
            let f = density / (1 + exp(-(-3.5 + 0.01 * (x - 126) * (x - 126))))
            integral += f * (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2))
        }
        let p = integral * h / 3
        XCTAssertGreaterThan(p, 1 / (1 + exp(2.86)), "noise around a convex term raises the mean probability")
        assertBinomial(statistics.defectsMade, n, p, "defect share with noisy current")
        XCTAssertEqual(statistics.escapedDefects, statistics.defectsMade, "without inspection every defect escapes")
    }

    /// A 3-class confusion matrix: each cell's count, given the true class counts, is binomial
    /// with the matrix entry as probability; false rejects and false accepts follow.
    func testConfusionMatrixCounts() {
        let model = QualityModel(intercept: -1, classShares: [(0, 0.6), (1, 0.4)])   // p = σ(−1) = 0.269
        let matrix: [[Double]] = [[0.95, 0.03, 0.02], [0.1, 0.85, 0.05], [0.08, 0.07, 0.85]]
        let inspection = InspectionSpec(method: .vision, confusion: matrix, onReject: .scrap)
        let n = 60_000
        let quality = run(weldLine(model: model, inspection: inspection, count: n)).statistics.quality
        let counts = quality.confusion[1]
        for truth in 0..<3 {
            let rowTotal = (0..<3).reduce(0) { $0 + counts[truth * 3 + $1] }
            XCTAssertGreaterThan(rowTotal, 5_000)
            for verdict in 0..<3 {
                assertBinomial(counts[truth * 3 + verdict], rowTotal, matrix[truth][verdict],
                               "cell (\(truth), \(verdict))")
            }
        }
        let good = counts[0] + counts[1] + counts[2]
        XCTAssertEqual(quality.falseRejects, counts[1] + counts[2])
        XCTAssertEqual(quality.falseAccepts, counts[3] + counts[6])
        assertBinomial(quality.falseRejects, good, 0.05, "false rejects among good parts")
        assertBinomial(good, n, 1 - 1 / (1 + exp(1.0)), "good share")
        assertBinomial(counts[3] + counts[4] + counts[5], n - good, 0.6, "porosity share of defects")
        XCTAssertEqual(quality.escapedDefects, quality.falseAccepts,
                       "a defect passed by the only inspection reaches the customer")
    }

    /// 1-in-N sampling inspects exactly every N-th part; rework after a reject repairs the part
    /// and sends it back to welding (where it may fail again), and nothing escapes a perfect check.
    func testSamplingAndReworkAfterReject() {
        let model = QualityModel(intercept: -2)
        let sampled = run(weldLine(model: model,
                                   inspection: InspectionSpec(every: 10, confusion: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
                                   count: 1_000))
        XCTAssertEqual(sampled.statistics.quality.inspected, 100)
        var reworked = weldLine(model: model, inspection: InspectionSpec(confusion: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
                                                                        onReject: .rework(toOperation: 0)),
                                count: 20_000)
        reworked.stations[0].machines = 2
        let statistics = run(reworked).statistics
        XCTAssertEqual(statistics.quality.escapedDefects, 0)
        XCTAssertEqual(statistics.finishedJobs, 20_000, "every part is eventually good")
        XCTAssertEqual(statistics.reworks, statistics.quality.rejected)
        // each weld fails with p = σ(−2) independently: expected rejections per part = p / (1 − p)
        let p = 1 / (1 + exp(2.0))
        XCTAssertEqual(Double(statistics.reworks) / 20_000, p / (1 - p),
                       accuracy: 3.29 * (p / 20_000).squareRoot() / (1 - p))
        assertBinomial(statistics.quality.firstPassJobs, 20_000, 1 - p, "first-pass yield: the first weld is good")
    }
}
